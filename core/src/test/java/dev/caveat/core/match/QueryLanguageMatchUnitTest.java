package dev.caveat.core.match;

import static dev.caveat.core.match.MatchTestUtils.at;
import static dev.caveat.core.match.MatchTestUtils.by;
import static dev.caveat.core.match.MatchTestUtils.in;
import static dev.caveat.core.match.MatchTestUtils.post;
import static dev.caveat.core.match.MatchTestUtils.titled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.post.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryLanguageMatchUnitTest {

  private final MatchEngine engine = new MatchEngine();

  @AfterEach
  void close() {
    engine.close();
  }

  private boolean matches(String query, Post post) {
    engine.register(new StandingQuery("q", query));
    return engine.match(post).contains("q");
  }

  @Test
  void nearMatchesWithinTheDistanceInEitherOrder() {
    String query = "dell NEAR/5 \"power supply\"";
    assertThat(matches(query, post("my dell laptop power supply died"))).isTrue();
    assertThat(matches(query, post("the power supply of my dell died"))).isTrue();
    assertThat(matches(query, post("dell one two three four five power supply"))).isTrue();
    assertThat(matches(query, post("power supply one two three four five dell"))).isTrue();
  }

  @Test
  void nearDoesNotMatchJustPastTheDistance() {
    String query = "dell NEAR/5 \"power supply\"";
    assertThat(matches(query, post("dell one two three four five six power supply"))).isFalse();
    assertThat(matches(query, post("power supply one two three four five six dell"))).isFalse();
    assertThat(matches(query, post("dell power and supply"))).isFalse();
  }

  @Test
  void nearZeroMeansSideBySide() {
    assertThat(matches("refund NEAR/0 policy", post("the policy refund was slow"))).isTrue();
    assertThat(matches("refund NEAR/0 policy", post("the refund for policy"))).isFalse();
  }

  @Test
  void nearTakesAlternativesAndPrefixes() {
    String query = "(dell OR hp) NEAR/2 charg*";
    assertThat(matches(query, post("HP keeps charging slowly"))).isTrue();
    assertThat(matches(query, post("the Dell charger broke"))).isTrue();
    assertThat(matches(query, post("lenovo charger"))).isFalse();
  }

  @Test
  void aWordNearItselfNeedsTwoOfThem() {
    assertThat(matches("dell NEAR/3 dell", post("dell dell"))).isTrue();
    assertThat(matches("dell NEAR/3 dell", post("just dell"))).isFalse();
  }

  @Test
  void aWildcardMatchesWordsThatStartWithIt() {
    assertThat(matches("refund*", post("Still waiting on my REFUNDS"))).isTrue();
    assertThat(matches("refund*", post("refund"))).isTrue();
    assertThat(matches("refund*", post("they will not refnd"))).isFalse();
    assertThat(matches("café*", post("the Cafeteria is closed"))).isTrue();
  }

  @Test
  void aWildcardAfterOtherWordsKeepsThemInOrder() {
    assertThat(matches("power-sup*", post("my power supplies failed"))).isTrue();
    assertThat(matches("power-sup*", post("supplies of power"))).isFalse();
  }

  @Test
  void authorMatchesTheHandleOrTheName() {
    assertThat(matches("author:bryce", by("bryce", "B. Wilson", "hello"))).isTrue();
    assertThat(matches("author:bryce", by("bw", "Bryce Wilson", "hello"))).isTrue();
    assertThat(matches("author:\"bryce wilson\"", by("bw", "Bryce Wilson", "hello"))).isTrue();
    assertThat(matches("author:bryce", by("someone", "Else", "bryce wrote this"))).isFalse();
  }

  @Test
  void aPhraseDoesNotRunFromTheHandleIntoTheName() {
    assertThat(matches("author:\"bryce wilson\"", by("bryce", "Wilson", "hi"))).isFalse();
  }

  @Test
  void siteMatchesTheHostAndTheDomainsAboveIt() {
    Post onForum = at("https://Forum.Example.com/t/1", "dell is down");
    assertThat(matches("site:forum.example.com", onForum)).isTrue();
    assertThat(matches("site:example.com", onForum)).isTrue();
    assertThat(matches("site:https://forum.example.com/other", onForum)).isTrue();
    assertThat(matches("site:other.example.com", onForum)).isFalse();
    assertThat(matches("site:ample.com", onForum)).isFalse();
    assertThat(matches("site:example.com", post("example.com is down"))).isFalse();
  }

  @Test
  void langMatchesThePostLanguage() {
    assertThat(matches("dell lang:fr", in("fr", "dell est en panne"))).isTrue();
    assertThat(matches("dell lang:FR", in("fr", "dell est en panne"))).isTrue();
    assertThat(matches("dell lang:fr", in("en", "dell is down"))).isFalse();
    assertThat(matches("dell lang:fr", post("dell"))).isFalse();
  }

  @Test
  void titleMatchesOnlyTheTitle() {
    assertThat(matches("title:\"dell hell\"", titled("Dell hell", "my laptop"))).isTrue();
    assertThat(matches("title:\"dell hell\"", titled("My laptop", "dell hell"))).isFalse();
    assertThat(matches("title:(refund OR return)", titled("Return policy", "x"))).isTrue();
    assertThat(matches("title:(refund OR return)", titled("Policy", "return it"))).isFalse();
  }

  @Test
  void nearWorksInsideTheTitle() {
    assertThat(matches("title:(dell NEAR/1 hell)", titled("Dell from hell", "x"))).isTrue();
    assertThat(matches("title:(dell NEAR/1 hell)", titled("Hell: my Dell", "x"))).isTrue();
    assertThat(matches("title:(dell NEAR/1 hell)", titled("Hell of a Dell", "x"))).isFalse();
    assertThat(matches("title:(dell NEAR/1 hell)", titled("Dell", "hell"))).isFalse();
  }

  @Test
  void fieldsCombineWithBodyClauses() {
    Post post = at("https://forum.dell.com/t/1", "my xps will not boot");
    assertThat(matches("xps -site:dell.com", post)).isFalse();
    assertThat(matches("xps -site:hp.com", post)).isTrue();
  }

  @Test
  void aBrandIsHeardInADomainName() {
    assertThat(matches("comcast", post("comcast.net is down again"))).isTrue();
    assertThat(matches("comcast.net", post("is comcast.net down?"))).isTrue();
    assertThat(matches("comcast.net", post("comcast net"))).isTrue();
    assertThat(matches("comcast.net", post("comcast is not on the net"))).isFalse();
  }
}
