package dev.caveat.bench;

import dev.caveat.bench.load.EndToEndLoad;
import dev.caveat.core.dedup.DuplicateDetector;
import dev.caveat.core.match.MatchEngine;
import dev.caveat.core.match.PostSearchForm;
import dev.caveat.core.post.Post;
import dev.caveat.core.post.PostNormaliser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
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
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The listening pipeline up to the match result — JSON post, normalise, dedup, match — against the
 * same posts through bare Lucene Monitor holding the same compiled queries. Brand monitors in the
 * shapes care leads write; nine posts in ten name a brand nobody monitors. Storing mentions is
 * measured end to end by {@link EndToEndLoad}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class PipelineBenchmark {

  @Param({"10000", "100000"})
  int monitors;

  private MatchEngine engine;
  private Monitor bare;
  private DuplicateDetector copies;
  private List<String> json;
  private List<Post> posts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    int companies = monitors / EndToEndLoad.PER_COMPANY;
    List<MatchEngine.StandingQuery> queries = new ArrayList<>(monitors);
    for (int c = 0; c < companies; c++) {
      for (int m = 0; m < EndToEndLoad.PER_COMPANY; m++) {
        String query = EndToEndLoad.query(c, m).replace("\\\"", "\"");
        queries.add(new MatchEngine.StandingQuery(c + "/" + m, query));
      }
    }
    // Measured before bare Monitor's queries exist: the engine shares equal parts of queries, and
    // would otherwise find most of its own already paid for.
    long before = heapUsed();
    engine = new MatchEngine();
    engine.register(queries);
    System.out.printf(
        "%n%,d monitors hold %,d MiB of heap in the match engine%n",
        monitors, (heapUsed() - before) >> 20);
    bare = new Monitor(PostSearchForm.analyzer());
    bare.register(
        queries.stream()
            .map(q -> new MonitorQuery(q.id(), PostSearchForm.query(q.query())))
            .toList());
    copies = new DuplicateDetector(200_000);
    Random random = new Random(7);
    json = new ArrayList<>();
    posts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String text = EndToEndLoad.postText(random, companies);
      json.add("{\"source\":\"bench\",\"externalId\":\"" + i + "\",\"text\":\"" + text + "\"}");
      posts.add(read(json.getLast()));
    }
  }

  /** Runs both benchmarks at every monitor count and prints posts/s side by side with the ratio. */
  public static void main(String[] args) throws RunnerException {
    Options options =
        new OptionsBuilder().include(PipelineBenchmark.class.getName() + "\\.").build();
    Map<Integer, Map<String, Result<?>>> byMonitors = new TreeMap<>();
    for (RunResult run : new Runner(options).run()) {
      String benchmark = run.getParams().getBenchmark();
      byMonitors
          .computeIfAbsent(
              Integer.parseInt(run.getParams().getParam("monitors")), m -> new HashMap<>())
          .put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult());
    }
    System.out.printf(
        "%n%10s  %24s  %24s  %8s%n",
        "monitors", "pipeline posts/s", "bare Monitor posts/s", "ratio");
    byMonitors.forEach(
        (monitors, results) -> {
          Result<?> pipeline = results.get("pipeline");
          Result<?> bare = results.get("bareMonitor");
          System.out.printf(
              "%,10d  %,13.0f ± %,8.0f  %,13.0f ± %,8.0f  %7.1fx%n",
              monitors,
              pipeline.getScore(),
              pipeline.getScoreError(),
              bare.getScore(),
              bare.getScoreError(),
              pipeline.getScore() / bare.getScore());
        });
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    engine.close();
    bare.close();
  }

  @Benchmark
  public int pipeline() {
    int i = next++ % json.size();
    Post post = PostNormaliser.normalise(read(json.get(i)));
    int matched = engine.match(post).size();
    if (matched > 0) {
      copies.observe(post.source() + "/" + post.externalId() + "#" + next, post.text());
    }
    return matched;
  }

  @Benchmark
  public int bareMonitor() throws IOException {
    Post post = posts.get(next++ % posts.size());
    return bare.match(PostSearchForm.document(post), QueryMatch.SIMPLE_MATCHER).getMatchCount();
  }

  /** Heap in use after collections settle; good to a few MiB, enough for a budget. */
  static long heapUsed() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static final Pattern FIELD =
      Pattern.compile("\"(source|externalId|text)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** The three fields these posts carry; the server reads the full shape with Jackson. */
  static Post read(String line) {
    String source = null;
    String id = null;
    String text = null;
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      switch (m.group(1)) {
        case "source" -> source = m.group(2);
        case "externalId" -> id = m.group(2);
        default -> text = m.group(2);
      }
    }
    return new Post(source, id, null, null, null, text, null, null, null, null);
  }
}
