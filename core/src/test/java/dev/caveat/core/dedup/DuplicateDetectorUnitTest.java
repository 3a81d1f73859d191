package dev.caveat.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateDetectorUnitTest {

  private final DuplicateDetector detector = new DuplicateDetector(1_000);

  @Test
  void firstPostStartsItsCluster() {
    assertThat(detector.observe("t1", "Northwind broadband down across Leeds since 6am"))
        .isEqualTo(new Verdict.NewCluster("t1"));
  }

  @Test
  void retweetIsAnExactCopyOfTheOriginal() {
    detector.observe(
        "t1", "@northwindhelp my internet has been down since Monday and nobody answers the phone");

    Verdict retweet =
        detector.observe(
            "t2",
            "RT @angrycustomer: @northwindhelp my internet has been down since Monday and nobody"
                + " answers the phone");

    assertThat(retweet).isEqualTo(new Verdict.ExactCopy("t1"));
  }

  @Test
  void sameTextUnderAnotherIdIsAnExactCopy() {
    detector.observe("forum:88", "Contoso's new café in York is lovely ❤️ https://contoso.example");
    detector.observe("forum:89", "Unrelated: the Tailspin app lost my boarding pass again");

    assertThat(
            detector.observe(
                "forum:90", "Contoso's new café in York is lovely ❤️ https://contoso.example"))
        .isEqualTo(new Verdict.ExactCopy("forum:88"));
    assertThat(
            detector.observe(
                "mastodon:7", "contosos NEW cafe in york is lovely ❤ http://www.contoso.example/"))
        .isEqualTo(new Verdict.ExactCopy("forum:88"));
    assertThat(
            detector.observe(
                "tw:1",
                "Contoso’s new café in York is lovely ❤️ https://contoso.example via @yorkfoodie"))
        .isEqualTo(new Verdict.ExactCopy("forum:88"));
  }

  @Test
  void trackingParametersDoNotMakeANewPost() {
    detector.observe(
        "a",
        "Huge spring sale at Fabrikam this weekend only"
            + " https://fabrikam.example/sale?utm_source=twitter&utm_campaign=spring");

    Verdict shared =
        detector.observe(
            "b",
            "Huge spring sale at Fabrikam this weekend only!"
                + " https://www.fabrikam.example/sale/?fbclid=IwAR0xq&utm_medium=social#deals");

    assertThat(shared).isEqualTo(new Verdict.ExactCopy("a"));
  }

  @Test
  void linksToDifferentPagesAreNotExactCopies() {
    detector.observe("a", "Back in stock at Fabrikam https://fabrikam.example/item?id=1170");

    assertThat(
            detector.observe(
                "b", "Back in stock at Fabrikam https://fabrikam.example/item?id=2291"))
        .isNotInstanceOf(Verdict.ExactCopy.class);
  }

  @Test
  void quoteWithAShortCommentIsANearCopy() {
    detector.observe(
        "t1",
        "Northwind have cut off the whole of north Bristol for the third time this month and the"
            + " status page still says everything is fine");

    Verdict quote =
        detector.observe(
            "t2",
            "Same on our street 😡 RT @bristolmum: Northwind have cut off the whole of north Bristol"
                + " for the third time this month and the status page still says everything is fine");

    assertThat(quote).isInstanceOf(Verdict.NearCopy.class);
    assertThat(quote.clusterId()).isEqualTo("t1");
    assertThat(((Verdict.NearCopy) quote).similarity()).isBetween(0.65, 1.0);
  }

  @Test
  void campaignCopyPasteWithSmallEditsJoinsOneCluster() {
    String original =
        "Just switched to Wingtip Mobile and saved £240 a year! Use my code ANNA50 for 50% off your"
            + " first month https://wingtip.example/join?utm_source=ig #ad";
    List<String> copies =
        List.of(
            "Just switched to Wingtip Mobile and saved £240 a year! Use my code TOM50 for 50% off"
                + " your first month https://wingtip.example/join?utm_source=tw #ad",
            "Just switched to Wingtip Mobile and saved £180 a year!! Use my code PRIYA50 for 50% off"
                + " your first month https://wingtip.example/join #ad #switch",
            "just switched to wingtip mobile and saved £240 a year! use my code JO50 for 50% off"
                + " your first month 🙌 https://wingtip.example/join?fbclid=abc #ad",
            "@wingtipmobile Just switched to Wingtip Mobile and saved £240 a year! Use my code"
                + " SAM50 for 50% off your first month https://wingtip.example/join #ad #moneysaving");
    detector.observe("c0", original);

    for (int i = 0; i < copies.size(); i++) {
      Verdict verdict = detector.observe("c" + (i + 1), copies.get(i));
      assertThat(verdict).as(copies.get(i)).isInstanceOf(Verdict.NearCopy.class);
      assertThat(verdict.clusterId()).isEqualTo("c0");
    }
  }

  @Test
  void differentComplaintsSharingBoilerplateStaySeparate() {
    List<String> complaints =
        List.of(
            "@northwindhelp my internet is down",
            "@northwindhelp my bill is wrong",
            "@northwindhelp my router is broken",
            "@northwindhelp my internet is down and the engineer never came",
            "@northwindhelp my bill is wrong and the chat bot will not help",
            "@northwindhelp still waiting on my refund",
            "@northwindhelp still waiting on the engineer");

    assertAllNew(complaints);
  }

  @Test
  void shortPostsSharingCommonWordsStaySeparate() {
    List<String> posts =
        List.of(
            "so annoyed with northwind today",
            "so happy with northwind today",
            "northwind is down",
            "is northwind down for anyone else?",
            "thanks northwind!",
            "northwind customer service is the worst",
            "@contoso is down",
            "love it",
            "hate it");

    assertAllNew(posts);
  }

  @Test
  void aMentionCountsAsTheNameItMentions() {
    detector.observe("a", "@northwind is down again");

    assertThat(detector.observe("b", "Northwind is down again!"))
        .isEqualTo(new Verdict.ExactCopy("a"));
    assertThat(detector.observe("c", "@contoso is down again"))
        .isEqualTo(new Verdict.NewCluster("c"));
  }

  @Test
  void punctuationOnlyPostsAreNeverCopies() {
    assertThat(detector.observe("a", "!!!")).isEqualTo(new Verdict.NewCluster("a"));
    assertThat(detector.observe("b", "!!!")).isEqualTo(new Verdict.NewCluster("b"));
    assertThat(detector.remembered()).isZero();
  }

  private void assertAllNew(List<String> posts) {
    for (int i = 0; i < posts.size(); i++) {
      assertThat(detector.observe("p" + i, posts.get(i)))
          .as(posts.get(i))
          .isEqualTo(new Verdict.NewCluster("p" + i));
    }
  }
}
