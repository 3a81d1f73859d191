package dev.caveat.bench;

import dev.caveat.core.match.MatchEngine;
import dev.caveat.core.post.Post;
import dev.caveat.core.post.PostNormaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One post normalised and matched against many company monitors, most of which match nothing: the
 * shape of the listening hot path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatchingBenchmark {

  @Param({"1000"})
  int monitors;

  private MatchEngine engine;
  private List<Post> posts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(42);
    engine = new MatchEngine();
    List<MatchEngine.StandingQuery> queries = new ArrayList<>(monitors);
    for (int i = 0; i < monitors; i++) {
      String brand = "brand" + i;
      queries.add(
          new MatchEngine.StandingQuery(
              "m" + i, brand + " (outage OR refund OR \"customer service\") NOT careers"));
    }
    engine.register(queries);
    posts = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String text =
          "Day "
              + i
              + " of waiting for brand"
              + random.nextInt(monitors * 20)
              + " customer service to call me back about the outage";
      posts.add(
          new Post("bench", Integer.toString(i), null, null, null, text, null, null, null, null));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public int normaliseAndMatch() {
    Post post = posts.get(next++ % posts.size());
    return engine.match(PostNormaliser.normalise(post)).size();
  }
}
