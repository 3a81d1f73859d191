package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextScannerUnitTest {

  private static List<String> tokens(Text t) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      out.add(t.tokens[i]);
    }
    return out;
  }

  @Test
  void foldsCaseAndAccentsJoinsEnglishContractionsAndSplitsFrenchElisions() {
    assertThat(tokens(TextScanner.scan("Don't CANCEL l'appli Überweisung Niño")))
        .containsExactly("dont", "cancel", "l", "appli", "uberweisung", "nino");
  }

  @Test
  void linksAndEmailAddressesAreCountedNotReadAsWords() {
    Text t =
        TextScanner.scan("write to jean@orange.fr or see https://orange.fr/aide and bit.ly/3xYz");
    assertThat(tokens(t)).containsExactly("write", "to", "or", "see", "and");
    assertThat(t.emails).isEqualTo(1);
    assertThat(t.emailDomains).containsExactly("orange.fr");
    assertThat(t.urls).isEqualTo(2);
    assertThat(t.shortLinks).isEqualTo(1);
  }

  @Test
  void aBareHyphenatedHostIsALinkWhileABrandWrittenAsAHostStaysWords() {
    Text t = TextScanner.scan("Pay now at parcel-redelivery-uk.com, or ask Booking.com. Bye");
    assertThat(t.urls).isEqualTo(1);
    assertThat(tokens(t)).doesNotContain("parcel", "redelivery").contains("booking");
    assertThat(TextScanner.scan("sent an e-mail.Thanks").urls).isZero();
    assertThat(TextScanner.scan("a well-known.brand of tea").urls).isZero();
  }

  @Test
  void phoneNumbersAcrossGroupsButNotDatesOrPrices() {
    assertThat(TextScanner.scan("Call 1-888-555-0147 now").phones).isEqualTo(1);
    assertThat(TextScanner.scan("Appelez le +33 6 12 34 56 78").phones).isEqualTo(1);
    assertThat(TextScanner.scan("on 12/08/2024 I paid 412.96").phones).isZero();
  }

  @Test
  void mentionsHashtagsEmojiQuestionsAndShouting() {
    Text t = TextScanner.scan("@Comcast WHY IS IT DOWN AGAIN?? #fail 😡");
    assertThat(t.kinds[0]).isEqualTo(Text.MENTION);
    assertThat(t.tokens[0]).isEqualTo("@comcast");
    assertThat(tokens(t)).contains("fail", "😡");
    assertThat(t.count(Text.HASHTAG)).isEqualTo(1);
    assertThat(t.count(Text.EMOJI)).isEqualTo(1);
    assertThat(t.questions).isEqualTo(2);
    assertThat(t.shoutedWords()).isEqualTo(3);
    assertThat(TextScanner.scan("¿Dónde está la tienda").questions).isEqualTo(1);
    assertThat(TextScanner.scan("is it open?").endsWithQuestion).isTrue();
  }

  @Test
  void sentenceAndClauseBreaksAreKeptBeforeTheTokenThatFollows() {
    Text t = TextScanner.scan("@Tesco thanks, it works. Subject\nhow ¿cómo");
    assertThat(tokens(t))
        .containsExactly("@tesco", "thanks", "it", "works", "subject", "how", "como");
    // a leading mention is an address: the sentence still starts at "thanks"
    assertThat(t.breaks[1]).isEqualTo(Text.SENTENCE);
    assertThat(t.breaks[2]).isEqualTo(Text.CLAUSE);
    assertThat(t.breaks[3]).isEqualTo(Text.NO_BREAK);
    assertThat(t.breaks[4]).isEqualTo(Text.SENTENCE);
    assertThat(t.breaks[5]).as("line break").isEqualTo(Text.SENTENCE);
    assertThat(t.breaks[6]).as("opening question mark").isEqualTo(Text.SENTENCE);
    assertThat(t.brokenBetween(2, 3)).isFalse();
    assertThat(t.brokenBetween(1, 3)).isTrue();
  }
}
