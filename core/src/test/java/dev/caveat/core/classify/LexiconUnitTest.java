package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconUnitTest {

  private static Hits hits(String lang, String text) {
    return Lexicon.forLanguage(lang).match(TextScanner.scan(text), new Hits());
  }

  @Test
  void phrasesPrefixesAndWildcardsMatchFoldedWords() {
    Hits h = hits("en", "I want a REFUNDED order and to cancel my subscription");
    assertThat(h.count(Category.COMPLAINT)).isPositive();
    assertThat(h.entries(Category.CHURN, 3)).contains("\"cancel my\"");
    assertThat(hits("es", "llevo tres semanas esperando").entries(Category.COMPLAINT, 5))
        .contains("\"llevo tres semanas\"");
  }

  @Test
  void negationTurnsSentimentAndProblemWordsAround() {
    Hits notBad = hits("en", "honestly not bad");
    assertThat(notBad.count(Category.NEGATIVE)).isZero();
    assertThat(notBad.count(Category.NEGATED_NEGATIVE)).isEqualTo(1);
    assertThat(hits("en", "not good").count(Category.NEGATED_POSITIVE)).isEqualTo(1);
    assertThat(hits("fr", "aucune plainte après deux ans").count(Category.LEGAL)).isZero();
  }

  @Test
  void negationEndsWithItsClause() {
    assertThat(hits("fr", "sans stress, merci Free").count(Category.NEGATED_POSITIVE)).isZero();
    assertThat(hits("en", "no problems. great service").count(Category.NEGATED_POSITIVE)).isZero();
    assertThat(hits("en", "not great service").count(Category.NEGATED_POSITIVE)).isEqualTo(1);
  }

  @Test
  void questionOpeningsCountOnlyWhereASentenceOrClauseStarts() {
    assertThat(hits("en", "@Argos how do I change my slot").count(Category.INTERROGATIVE))
        .isEqualTo(1);
    assertThat(hits("en", "thanks, can I pay by card").count(Category.INTERROGATIVE)).isEqualTo(1);
    assertThat(hits("en", "I know how it works").count(Category.INTERROGATIVE)).isZero();
    assertThat(hits("fr", "Bonjour. Comment faire pour payer").count(Category.INTERROGATIVE))
        .isEqualTo(1);
    assertThat(hits("de", "Kann ich das ändern?").count(Category.INTERROGATIVE)).isEqualTo(1);
    assertThat(hits("de", "Ich weiß nicht, was ich tun soll").count(Category.INTERROGATIVE))
        .isEqualTo(1);
    assertThat(hits("nl", "Hoe kan ik opzeggen").count(Category.INTERROGATIVE)).isEqualTo(1);
    assertThat(hits("es", "Hola ¿puedo pagar con tarjeta?").count(Category.INTERROGATIVE))
        .isEqualTo(1);
    assertThat(hits("es", "no puedo pagar").count(Category.INTERROGATIVE)).isZero();
  }

  @Test
  void hashtagEntriesMatchOnlyHashtags() {
    assertThat(hits("en", "this is not it").count(Category.SARCASM)).isZero();
    assertThat(hits("en", "great service #not").count(Category.SARCASM)).isEqualTo(1);
  }

  @Test
  void everyLanguageHasEveryUrgencyRule() {
    String[][] samples = {
      {"en", "I will cancel my contract", "CHURN"},
      {"en", "my lawyer will hear about this", "LEGAL"},
      {"en", "the charger caught fire", "SAFETY"},
      {"en", "no internet since Monday", "OUTAGE"},
      {"fr", "je vais résilier mon abonnement", "CHURN"},
      {"fr", "je vais porter plainte", "LEGAL"},
      {"fr", "la box a pris feu", "SAFETY"},
      {"fr", "plus d'internet depuis lundi", "OUTAGE"},
      {"de", "ich kündige den Vertrag", "CHURN"},
      {"de", "das geht an meinen Anwalt", "LEGAL"},
      {"de", "es riecht nach Gas im Flur", "SAFETY"},
      {"de", "seit Montag kein Internet", "OUTAGE"},
      {"nl", "ik ga mijn abonnement opzeggen", "CHURN"},
      {"nl", "ik stap naar de rechter", "LEGAL"},
      {"nl", "de lader is ontploft", "SAFETY"},
      {"nl", "al twee dagen geen internet", "OUTAGE"},
      {"es", "voy a darme de baja", "CHURN"},
      {"es", "hablaré con mi abogado", "LEGAL"},
      {"es", "huele a gas en la cocina", "SAFETY"},
      {"es", "sin internet desde el lunes", "OUTAGE"},
    };
    for (String[] s : samples) {
      assertThat(hits(s[0], s[1]).count(Category.valueOf(s[2])))
          .as("%s in %s: %s", s[2], s[0], s[1])
          .isPositive();
    }
  }
}
