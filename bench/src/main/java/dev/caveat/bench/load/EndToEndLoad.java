package dev.caveat.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end load run: the packaged Caveat with a capped heap and many monitors, posts pushed
 * over HTTP and stored as mentions in its embedded PostgreSQL. Prints throughput, heap, and the
 * delay from a post arriving at a push source to its mention being visible in the API.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.caveat.bench.load.EndToEndLoad \
 *     --jar server/target/caveat.jar --monitors 100000 --posts 100000 --rate 1000 --seconds 30 \
 *     --push webhook,websub,webmention,jetstream
 * </pre>
 */
public final class EndToEndLoad {

  static final String TOKEN = "load-operator-token-0123456789abcdef";
  public static final int PER_COMPANY = 100;
  static final String[] FILLER =
      "the a my our is was again today still why how not never every after before with from and but so just really very service router internet bill wifi phone app outage slow down fixed help support customer week night morning update price plan"
          .split(" ");
  static final String[] PRODUCTS =
      "fibre mobile tv box modem mesh app billing contract installer".split(" ");

  private EndToEndLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path jar = Path.of(options.getOrDefault("jar", "server/target/caveat.jar"));
    int monitors = Integer.parseInt(options.getOrDefault("monitors", "100000"));
    int posts = Integer.parseInt(options.getOrDefault("posts", "100000"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    String heap = options.getOrDefault("heap", "512m");
    int companies = Math.max(1, monitors / PER_COMPANY);

    System.out.printf("Starting %s with -Xmx%s%n", jar, heap);
    try (CaveatProcess caveat = CaveatProcess.start(jar, heap, TOKEN)) {
      Http http = new Http(caveat.port, TOKEN);
      long setup = System.nanoTime();
      createMonitors(http, companies);
      System.out.printf(
          "%,d monitors in %,d companies set up in %.1f s%n",
          companies * PER_COMPANY, companies, seconds(setup));
      System.out.printf("Heap after setup: %s%n", heap(http));

      Throughput pushed = throughput(http, companies, posts);
      System.out.printf(
          "Ingest: %,d posts in %.1f s = %,.0f posts/s stored end to end (%,d mentions)%n",
          posts, pushed.seconds(), posts / pushed.seconds(), pushed.mentions());
      System.out.printf("Heap after ingest: %s%n", heap(http));

      PushLatency latency = new PushLatency(http, rate, seconds);
      latency.setUp();
      List<String> pushes =
          List.of(options.getOrDefault("push", "webhook,websub,webmention,jetstream").split(","));
      try (PublisherSite site = new PublisherSite();
          JetstreamFeed feed = new JetstreamFeed()) {
        for (String push : pushes) {
          switch (push.strip()) {
            case "webhook" ->
                report(
                    "a signed webhook", rate, seconds, latency.measure("hook", latency.webhook()));
            case "websub" ->
                report(
                    "WebSub deliveries",
                    rate,
                    seconds,
                    latency.measure("sub", latency.webSub(site)));
            case "webmention" ->
                report(
                    "Webmentions (each source fetched and verified)",
                    rate,
                    seconds,
                    latency.measure("wm", latency.webmention(site)));
            case "jetstream" ->
                report(
                    "a Bluesky Jetstream stream",
                    rate,
                    seconds,
                    latency.measure("jet", latency.jetstream(feed)));
            default -> throw new IllegalArgumentException("no push source called " + push);
          }
        }
      }
    }
  }

  private static void report(String source, int rate, int seconds, long[] delays) {
    Arrays.sort(delays);
    System.out.printf(
        "Push to visible mention through %s at %,d posts/s for %d s: %,d samples, p50 %d ms,"
            + " p95 %d ms, p99 %d ms, max %d ms%n",
        source,
        rate,
        seconds,
        delays.length,
        pct(delays, 50),
        pct(delays, 95),
        pct(delays, 99),
        delays.length == 0 ? -1 : delays[delays.length - 1]);
  }

  private static void createMonitors(Http http, int companies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < companies; c++) {
      int company = c;
      work.add(
          pool.submit(
              () -> {
                String slug = "load" + company;
                check(
                    http.post(
                        "/api/v1/companies",
                        "application/json",
                        "{\"name\":\"Load " + company + "\",\"slug\":\"" + slug + "\"}"),
                    201);
                StringBuilder batch = new StringBuilder("{\"monitors\":[");
                for (int m = 0; m < PER_COMPANY; m++) {
                  batch
                      .append(m == 0 ? "" : ",")
                      .append("{\"name\":\"m")
                      .append(m)
                      .append("\",\"query\":\"")
                      .append(query(company, m))
                      .append("\"}");
                }
                check(
                    http.post(
                        "/api/v1/companies/" + slug + "/monitors/batch",
                        "application/json",
                        batch.append("]}").toString()),
                    201);
                return null;
              }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    pool.shutdown();
  }

  /** What care leads keep out of brand monitors: news about the company rather than customers. */
  static final String[] EXCLUDED =
      "careers jobs hiring stock shares earnings lawsuit sponsor podcast webinar".split(" ");

  /** Stems of what customers say when something is wrong, written with a trailing wildcard. */
  static final String[] TROUBLE =
      "refund cancel charg disconnect overbill outag delay broke crash lag".split(" ");

  /**
   * Brand monitors in the shapes care leads write — products, phrases, exclusions, proximity — all
   * different within a company, as a company's hundred monitors are.
   */
  public static String query(int company, int m) {
    String brand = "brand" + company;
    String product = PRODUCTS[m % PRODUCTS.length];
    String excluded = EXCLUDED[(m / 10) % EXCLUDED.length];
    String trouble = TROUBLE[(m / 10) % TROUBLE.length];
    return switch (m % 5) {
      case 0 -> brand + " " + product + " NOT " + excluded;
      case 1 -> "(" + brand + " OR " + brand + "help) (" + product + " OR " + trouble + "*)";
      case 2 -> "\\\"" + brand + " " + product + "\\\" OR " + brand + product + m;
      case 3 -> brand + " NEAR/" + (2 + m / 10) + " (" + product + " OR outage)";
      default -> "title:" + brand + " OR (" + brand + " " + product + " -" + excluded + ")";
    };
  }

  /** Mostly brands nobody monitors; one in ten is a monitored company. */
  public static String postText(Random random, int companies) {
    int brand =
        random.nextInt(10) == 0
            ? random.nextInt(companies)
            : companies + random.nextInt(companies * 20 + 1);
    StringBuilder text = new StringBuilder();
    int words = 8 + random.nextInt(25);
    int brandAt = random.nextInt(words);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        text.append(' ');
      }
      if (w == brandAt) {
        text.append("brand").append(brand);
      } else if (random.nextInt(6) == 0) {
        text.append(PRODUCTS[random.nextInt(PRODUCTS.length)]);
      } else {
        text.append(FILLER[random.nextInt(FILLER.length)]);
      }
    }
    return text.toString();
  }

  record Throughput(double seconds, long mentions) {}

  private static Throughput throughput(Http http, int companies, int posts) throws Exception {
    int batch = 1_000;
    List<String> bodies = new ArrayList<>();
    Random random = new Random(7);
    for (int start = 0; start < posts; start += batch) {
      StringBuilder body = new StringBuilder();
      for (int i = start; i < Math.min(posts, start + batch); i++) {
        body.append("{\"source\":\"load\",\"externalId\":\"")
            .append(i)
            .append("\",\"text\":\"")
            .append(postText(random, companies))
            .append("\"}\n");
      }
      bodies.add(body.toString());
    }
    AtomicLong mentions = new AtomicLong();
    ExecutorService senders = Executors.newFixedThreadPool(2);
    long started = System.nanoTime();
    List<Future<?>> sent = new ArrayList<>();
    for (String body : bodies) {
      sent.add(
          senders.submit(
              () -> {
                Http.Response response = http.post("/api/v1/ingest", "application/x-ndjson", body);
                check(response, 200);
                Matcher m = Pattern.compile("\"mentions\":(\\d+)").matcher(response.body());
                if (m.find()) {
                  mentions.addAndGet(Long.parseLong(m.group(1)));
                }
                return null;
              }));
    }
    for (Future<?> done : sent) {
      done.get();
    }
    senders.shutdown();
    return new Throughput(seconds(started), mentions.get());
  }

  static String heap(Http http) throws Exception {
    Http.Response metrics = http.get("/actuator/prometheus");
    double used = 0;
    double max = 0;
    double live = 0;
    for (String line : metrics.body().split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
      if (line.startsWith("jvm_gc_live_data_size_bytes")) {
        live = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
      if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        max += Math.max(0, value);
      }
    }
    String afterCollection =
        live == 0
            ? "no old-generation collection yet"
            : String.format(
                "%.0f MiB live after the last old-generation collection", live / (1 << 20));
    return String.format(
        "%.0f MiB used of %.0f MiB, %s", used / (1 << 20), max / (1 << 20), afterCollection);
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static void check(Http.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException(
          "expected " + status + " but got " + response.status() + ": " + response.body());
    }
  }

  private static long pct(long[] sorted, int percentile) {
    return sorted.length == 0
        ? -1
        : sorted[
            Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
