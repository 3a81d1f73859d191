package dev.caveat.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.post.Post;
import dev.caveat.core.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatchEngineUnitTest {

  private final MatchEngine engine = new MatchEngine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void matchesTermsPhrasesAndBooleans() {
    engine.register(
        List.of(
            new StandingQuery("dell", "dell"),
            new StandingQuery("psu", "\"power supply\""),
            new StandingQuery("dell-not-jobs", "dell NOT (careers OR hiring)"),
            new StandingQuery("either", "comcast OR xfinity")));

    assertThat(engine.match(post("My third Dell power supply died today")))
        .containsExactly("dell", "dell-not-jobs", "psu");
    assertThat(engine.match(post("Dell is hiring: see our careers page"))).containsExactly("dell");
    assertThat(engine.match(post("The supply of power is fine"))).isEmpty();
    assertThat(engine.match(post("xfinity is down again"))).containsExactly("either");
  }

  @Test
  void foldsCaseAndAccents() {
    engine.register(new StandingQuery("cafe", "\"Café Crème\""));
    assertThat(engine.match(post("the CAFE CREME machine leaks"))).containsExactly("cafe");
  }

  @Test
  void matchesTheTitleToo() {
    engine.register(new StandingQuery("dell", "dell"));
    Post titled =
        new Post("s", "1", null, null, "Dell hell", "my laptop broke", null, null, null, null);
    assertThat(engine.match(titled)).containsExactly("dell");
  }

  @Test
  void replacingAndRemovingTakeEffectAtOnce() {
    engine.register(new StandingQuery("m", "dell"));
    engine.register(new StandingQuery("m", "lenovo"));
    assertThat(engine.match(post("dell"))).isEmpty();
    assertThat(engine.match(post("lenovo"))).containsExactly("m");
    engine.remove("m");
    assertThat(engine.match(post("lenovo"))).isEmpty();
    assertThat(engine.size()).isZero();
  }

  @Test
  void aBadQueryRegistersNothingOfItsBatch() {
    assertThatThrownBy(
            () ->
                engine.register(
                    List.of(new StandingQuery("ok", "dell"), new StandingQuery("bad", "(dell"))))
        .isInstanceOf(QuerySyntaxException.class);
    assertThat(engine.size()).isZero();
  }

  @Test
  void aQueryThatCannotRunOnAPostDoesNotStopTheOthers() {
    engine.register(
        List.of(new StandingQuery("wide", "re* NEAR/2 zz"), new StandingQuery("plain", "zz")));
    StringBuilder manyWords = new StringBuilder();
    for (int i = 0; i < 1_100; i++) {
      manyWords.append("re").append(i).append(' ');
    }
    assertThat(engine.match(post(manyWords + "zz"))).containsExactly("plain");
    assertThat(engine.match(post("re1 zz"))).containsExactly("plain", "wide");
  }

  @Test
  void matchingFromManyThreadsWhileRegisteringGivesEachPostItsMonitors() throws Exception {
    engine.register(
        List.of(new StandingQuery("dell", "dell"), new StandingQuery("psu", "\"power supply\"")));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 100; i++) {
                    assertThat(engine.match(post("dell power supply " + i)))
                        .contains("dell", "psu");
                    assertThat(engine.match(post("lenovo " + i))).doesNotContain("dell", "psu");
                  }
                  return null;
                }));
      }
      work.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 20; i++) {
                  engine.register(new StandingQuery("other" + i, "lenovo NEAR/1 x" + i));
                }
                return null;
              }));
      start.countDown();
      for (Future<?> done : work) {
        done.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(engine.size()).isEqualTo(22);
  }

  private static Post post(String text) {
    return new Post("s", text, null, null, null, text, null, null, null, null);
  }
}
