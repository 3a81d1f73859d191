package dev.caveat.core.match;

import static dev.caveat.core.match.MatchTestUtils.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.query.QuerySyntaxException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FalseHitGuardsUnitTest {

  private final MatchEngine engine = new MatchEngine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void ignoringAddressesSkipsTheBrandInsideEmailAndWebAddresses() {
    engine.register(
        List.of(
            new StandingQuery("plain", "comcast"),
            new StandingQuery("guarded", "comcast").ignoringAddresses()));

    assertThat(engine.match(post("mail me at someone@comcast.net"))).containsExactly("plain");
    assertThat(engine.match(post("see https://comcast.example/x"))).containsExactly("plain");
    assertThat(engine.match(post("comcast is down"))).containsExactly("guarded", "plain");
    assertThat(engine.match(post("Comcast is down, write to help@comcast.net")))
        .containsExactly("guarded", "plain");
  }

  @Test
  void ignoringAddressesKeepsPhrasesFromSpanningARemovedAddress() {
    engine.register(new StandingQuery("q", "\"email outage\"").ignoringAddresses());
    assertThat(engine.match(post("email a@b.com outage"))).isEmpty();
    assertThat(engine.match(post("the email outage"))).containsExactly("q");
  }

  @Test
  void ignoringAddressesAppliesToNearAndWildcardsToo() {
    engine.register(
        List.of(
            new StandingQuery("near", "comcast NEAR/3 down").ignoringAddresses(),
            new StandingQuery("prefix", "comca*").ignoringAddresses()));
    assertThat(engine.match(post("ops@comcast.net says it is down"))).isEmpty();
    assertThat(engine.match(post("comcast is down"))).containsExactly("near", "prefix");
  }

  @Test
  void aPostMatchingAnExclusionNeverMatches() {
    engine.register(
        new StandingQuery("q", "dell").excluding("careers", "\"we are hiring\"", "job*"));
    assertThat(engine.match(post("my dell died"))).containsExactly("q");
    assertThat(engine.match(post("Dell careers fair"))).isEmpty();
    assertThat(engine.match(post("Dell: we are hiring"))).isEmpty();
    assertThat(engine.match(post("dell jobs"))).isEmpty();
    assertThat(engine.match(post("dell: we are not hiring"))).containsExactly("q");
  }

  @Test
  void exclusionsSeeAddressesEvenWhenTheMonitorIgnoresThem() {
    engine.register(new StandingQuery("q", "comcast", true, List.of("\"noreply@comcast.net\"")));
    assertThat(engine.match(post("comcast is down"))).containsExactly("q");
    assertThat(engine.match(post("comcast is down, from noreply@comcast.net"))).isEmpty();
  }

  @Test
  void aBadExclusionRegistersNothingOfItsBatch() {
    assertThatThrownBy(
            () ->
                engine.register(
                    List.of(
                        new StandingQuery("ok", "dell"),
                        new StandingQuery("bad", "hp").excluding("(jobs"))))
        .isInstanceOfSatisfying(
            QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(1));
    assertThat(engine.size()).isZero();
  }

  @Test
  void theTwoArgumentFormHasNoGuards() {
    StandingQuery query = new StandingQuery("q", "dell");
    assertThat(query.ignoreAddresses()).isFalse();
    assertThat(query.exclusions()).isEmpty();
    assertThat(query.ignoringAddresses().excluding("a").excluding("b"))
        .isEqualTo(new StandingQuery("q", "dell", true, List.of("a", "b")));
  }
}
