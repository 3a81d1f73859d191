package dev.caveat.bench.load;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The inbox load run: the packaged Caveat on a database of a million mentions and a hundred
 * thousand cases, with a hundred reps working the inbox API at once. Prints p50/p95/p99/max and
 * throughput per kind of request and overall, the load average, the heap, the database's size and
 * its slowest statements.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.caveat.bench.load.InboxLoad \
 *     --mentions 1000000 --cases 100000 --reps 100 --seconds 120 --reuse-data /var/tmp/inbox
 * </pre>
 *
 * <p>Seeding happens once per data directory: {@code --reuse-data} names one, seeded on the first
 * run and reused after (the sizes it was seeded with then stand). {@code --reps} also sets how many
 * virtual reps run; {@code --think-ms} gives them a mean pause between requests (0: none); {@code
 * --warmup} seconds are not counted; {@code --heap} is Caveat's -Xmx; {@code --java-options} go to
 * Caveat's JVM (a flight recording, say).
 */
public final class InboxLoad {

  private InboxLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path jar = Path.of(options.getOrDefault("jar", "server/target/caveat.jar"));
    int mentions = Integer.parseInt(options.getOrDefault("mentions", "1000000"));
    int cases = Integer.parseInt(options.getOrDefault("cases", "100000"));
    int reps = Integer.parseInt(options.getOrDefault("reps", "100"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "120"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
    String heap = options.getOrDefault("heap", "1g");
    long think = Long.parseLong(options.getOrDefault("think-ms", "0"));
    Path dataDir =
        options.containsKey("reuse-data")
            ? Path.of(options.get("reuse-data")).toAbsolutePath()
            : Files.createTempDirectory("caveat-inbox");
    if (InboxSeed.seeded(dataDir)) {
      Properties seeded = InboxSeed.marker(dataDir);
      System.out.printf(
          "Reusing %s: %s mentions, %s cases, %s reps, seeded %s%n",
          dataDir,
          seeded.getProperty("mentions"),
          seeded.getProperty("cases"),
          seeded.getProperty("reps"),
          seeded.getProperty("seededAt"));
    } else {
      InboxSeed.seed(jar, dataDir, heap, mentions, cases, reps);
    }
    List<InboxTenants.Rep> people = InboxTenants.reps(dataDir);
    long starting = System.nanoTime();
    // The first start after seeding indexes every mention for search before it answers.
    try (CaveatProcess caveat =
        CaveatProcess.start(
            jar,
            heap,
            EndToEndLoad.TOKEN,
            dataDir,
            options.containsKey("java-options")
                ? List.of(options.get("java-options").split(" "))
                : List.of(),
            List.of(),
            Duration.ofMinutes(60))) {
      System.out.printf(
          "Caveat -Xmx%s up on %s in %.0f s%n",
          heap, dataDir, (System.nanoTime() - starting) / 1e9);
      Http operator = new Http(caveat.port, EndToEndLoad.TOKEN);
      InboxRun run = new InboxRun(caveat.port, people, reps, think);
      List<Double> loads = new ArrayList<>();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      long[] cpuAtStart = new long[3];
      boolean[] tracking = {false};
      try (Connection db = Postgres.connect(dataDir)) {
        System.out.printf(
            "%d reps, closed loop, think time %d ms, %d s warm-up, %d s counted%n",
            reps, think, warmup, seconds);
        Latencies[] byKind =
            run.run(
                warmup,
                seconds,
                () -> {
                  tracking[0] = Postgres.resetStatements(db);
                  cpu(caveat, cpuAtStart);
                  sampler.scheduleAtFixedRate(
                      () -> {
                        synchronized (loads) {
                          loads.add(loadAverage());
                        }
                      },
                      0,
                      5,
                      TimeUnit.SECONDS);
                });
        sampler.shutdownNow();
        long[] cpuAtEnd = new long[3];
        cpu(caveat, cpuAtEnd);
        report(byKind, seconds);
        System.out.printf(
            "Load average during the run: mean %.2f, from %.2f to %.2f (1-minute averages, 2"
                + " cores); now %s%n",
            loads.stream().mapToDouble(d -> d).average().orElse(-1),
            loads.stream().mapToDouble(d -> d).min().orElse(-1),
            loads.stream().mapToDouble(d -> d).max().orElse(-1),
            Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(
            "CPU used while counted: Caveat %.0f s, its PostgreSQL %.0f s, this driver %.0f s, of"
                + " %d s wall time%n",
            (cpuAtEnd[0] - cpuAtStart[0]) / 1e9,
            (cpuAtEnd[1] - cpuAtStart[1]) / 1e9,
            (cpuAtEnd[2] - cpuAtStart[2]) / 1e9,
            seconds);
        System.out.printf("Heap: %s%n", EndToEndLoad.heap(operator));
        for (String line : Postgres.sizes(db)) {
          System.out.println(line);
        }
        if (tracking[0]) {
          System.out.println("Statements by total time while counted:");
          for (String line :
              Postgres.slowest(db, Integer.parseInt(options.getOrDefault("statements", "12")))) {
            System.out.println("  " + line);
          }
        }
        for (String failure : run.failures()) {
          System.out.println("Failure: " + failure);
        }
      }
    }
    System.out.printf("Data kept in %s; run again on it with --reuse-data %s%n", dataDir, dataDir);
  }

  private static void report(Latencies[] byKind, int seconds) {
    System.out.println(Latencies.header());
    Latencies all = new Latencies();
    for (int k = 0; k < byKind.length; k++) {
      System.out.println(byKind[k].line(InboxRun.KINDS.get(k).name(), seconds));
      all.addAll(byKind[k]);
    }
    System.out.println(all.line("all", seconds));
  }

  /** CPU nanoseconds of the Caveat JVM, of its PostgreSQL, and of this JVM. */
  private static void cpu(CaveatProcess caveat, long[] into) {
    into[0] = caveat.process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    into[1] = postgresCpu(caveat.dataDir);
    into[2] =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
  }

  /**
   * The embedded PostgreSQL runs apart from the JVM that started it: its postmaster's pid is in
   * postmaster.pid, and the backends are its children.
   */
  private static long postgresCpu(Path dataDir) {
    try {
      long pid =
          Long.parseLong(
              Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                  .getFirst()
                  .strip());
      return ProcessHandle.of(pid)
          .map(
              p ->
                  java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                      .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                      .sum())
          .orElse(0L);
    } catch (Exception e) {
      return 0;
    }
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return -1;
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
