package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierUnitTest {

  private static final Classifier CLASSIFIER = Classifier.standard();

  private static Classification classify(String text) {
    return CLASSIFIER.classify(ClassifyInput.of(text));
  }

  @Test
  void aComplaintInEachLanguageComesWithItsReasons() {
    String[] complaints = {
      "Third week waiting for my refund from @Ryanair, nobody answers. Absolutely disgraceful.",
      "Ça fait trois semaines que j'attends mon remboursement, aucune réponse du service client. Honteux.",
      "Seit drei Wochen warte ich auf meine Rückerstattung, keine Antwort vom Kundenservice. Eine Frechheit.",
      "Al drie weken wacht ik op mijn terugbetaling, geen reactie van de klantenservice. Schandalig.",
      "Llevo tres semanas esperando el reembolso y nadie responde. Una vergüenza.",
    };
    for (String text : complaints) {
      Classification c = classify(text);
      assertThat(c.intent()).as(text).isEqualTo(Intent.COMPLAINT);
      assertThat(c.sentiment()).as(text).isNegative();
      assertThat(c.reasonsFor("intent")).as(text).isNotEmpty();
      assertThat(c.reasonsFor("sentiment")).as(text).isNotEmpty();
      assertThat(c.intentConfidence()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void reasonsNameWordsAndLexiconEntriesARepCanRead() {
    Classification c = classify("Still waiting for my refund, this is a joke. Worst service ever.");
    assertThat(c.reasonsFor("intent"))
        .extracting(Reason::evidence)
        .anySatisfy(e -> assertThat(e).containsAnyOf("refund", "waiting", "worst", "joke"));
  }

  @Test
  void otherIntentsOnClearPosts() {
    assertThat(classify("Huge thanks to the Lidl staff in Leeds, so kind and helpful!").intent())
        .isEqualTo(Intent.PRAISE);
    assertThat(
            classify("Looking for a reliable plumber in Lyon this week, any recommendations?")
                .intent())
        .isEqualTo(Intent.NEED);
    assertThat(
            classify(
                    "🎁 GIVEAWAY 🎁 win a FREE iPhone, DM now and click bit.ly/fr33 #giveaway #win #free")
                .intent())
        .isEqualTo(Intent.SPAM);
    assertThat(classify("Does the Ikea in Delft open on Sunday mornings?").intent())
        .isEqualTo(Intent.QUESTION);
    assertThat(classify("Thanks so much, you are wonderful, I love it").sentiment()).isPositive();
  }

  @Test
  void urgencyFlagsComeFromRulesWithTheirReasons() {
    Classification c =
        classify(
            "No internet for 4 days. I'm cancelling my contract and my lawyer will hear about it. The router even caught fire!");
    assertThat(c.urgency())
        .contains(Urgency.OUTAGE, Urgency.CHURN, Urgency.LEGAL, Urgency.SAFETY)
        .doesNotContain(Urgency.REACH);
    assertThat(c.reasonsFor("urgency:churn").getFirst().evidence())
        .startsWith("rule: churn threat");
    assertThat(c.reasonsFor("urgency:legal").getFirst().evidence()).contains("lawyer");
  }

  @Test
  void praiseCarriesNoUrgencyFlags() {
    Classification c =
        classify("Thank you Octopus, the outage was fixed in ten minutes. Brilliant team!");
    assertThat(c.intent()).isEqualTo(Intent.PRAISE);
    assertThat(c.urgency()).isEmpty();
  }

  @Test
  void reachIsAFlagOnlyForALargeAudience() {
    String text = "My order never arrived.";
    Classification big = CLASSIFIER.classify(ClassifyInput.of(text).withFollowers(250_000L));
    assertThat(big.urgency()).contains(Urgency.REACH);
    assertThat(big.reach().large()).isTrue();
    assertThat(big.reasonsFor("urgency:reach").getFirst().evidence()).contains("250,000 followers");
    Classification small = CLASSIFIER.classify(ClassifyInput.of(text).withFollowers(120L));
    assertThat(small.urgency()).doesNotContain(Urgency.REACH);
    assertThat(CLASSIFIER.classify(ClassifyInput.of(text)).reach().known()).isFalse();
  }

  @Test
  void productsMatchFoldedWholeWordsButNotInsideAddresses() {
    List<Product> products =
        List.of(
            Product.of("Livebox 6", "livebox"),
            Product.of("Décodeur TV", "decodeur"),
            Product.of("Orange"));
    Classification c =
        CLASSIFIER.classify(
            ClassifyInput.of(
                    "Ma LIVEBOX redémarre sans arrêt et le DECODEUR aussi. Écrivez-moi: paul@orange.fr")
                .withProducts(products));
    assertThat(c.products()).containsExactly("Livebox 6", "Décodeur TV");
    assertThat(c.reasonsFor("product")).hasSize(2);
    Classification partial =
        CLASSIFIER.classify(ClassifyInput.of("Liveboxes everywhere").withProducts(products));
    assertThat(partial.products()).isEmpty();
  }

  @Test
  void aTitleIsReadWithTheText() {
    Classification c =
        CLASSIFIER.classify(
            ClassifyInput.of("Any ideas?")
                .withTitle("Internet down for three days, I'm switching to Virgin"));
    assertThat(c.urgency()).contains(Urgency.OUTAGE, Urgency.CHURN);
  }
}
