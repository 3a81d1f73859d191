package dev.caveat.bench.load;

import static dev.caveat.bench.load.EndToEndLoad.check;
import static dev.caveat.bench.load.EndToEndLoad.field;
import static dev.caveat.bench.load.EndToEndLoad.postText;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The delay from a post arriving at a push source to its mention being visible in the API. Posts go
 * out every 10 ms at the given rate; one in ten carries a marker a monitor looks for, and a reader
 * asks the mentions API every 50 ms when each marker shows up.
 */
final class PushLatency {

  /** Posts of one tick: their ids and texts; {@code sent} is told the moment they leave. */
  interface Push {
    void send(List<String[]> posts, Runnable sent) throws Exception;

    /** Waits for what is still on its way; a failed delivery fails the run. */
    default void finish() throws Exception {}
  }

  private static final Pattern MARKER =
      Pattern.compile("\"externalId\":\"[^\"]*?((?:hook|jet|sub|wm)-\\d+)\"");
  private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

  private final Http http;
  private final int rate;
  private final int seconds;

  PushLatency(Http http, int rate, int seconds) {
    this.http = http;
    this.rate = rate;
    this.seconds = seconds;
  }

  /** The company and monitor every marker is found by. */
  void setUp() throws Exception {
    check(
        http.post(
            "/api/v1/companies", "application/json", "{\"name\":\"Latency\",\"slug\":\"latency\"}"),
        201);
    check(
        http.post(
            "/api/v1/companies/latency/monitors",
            "application/json",
            "{\"name\":\"Marker\",\"query\":\"latencymarker\"}"),
        201);
  }

  /**
   * Deliveries made by a few sender threads, so that a slow answer delays the next tick's delivery
   * no more than it would on the open web; {@link #finish} waits for all and fails on any failure.
   */
  private static final class Senders {
    private final ExecutorService threads;
    private final List<Future<?>> pending = new ArrayList<>();

    Senders(int count) {
      threads = Executors.newFixedThreadPool(count);
    }

    void submit(Callable<?> delivery) {
      pending.add(threads.submit(delivery));
    }

    void finish() throws Exception {
      for (Future<?> delivery : pending) {
        delivery.get();
      }
      threads.shutdown();
    }
  }

  /** Signed webhook deliveries of one tick's posts each, from four senders. */
  Push webhook() throws Exception {
    Http.Response webhook =
        http.post(
            "/api/v1/sources",
            "application/json",
            "{\"type\":\"webhook\",\"name\":\"latency-hook\"}");
    check(webhook, 201);
    String endpoint = field(webhook.body(), "endpoint");
    String secret = field(webhook.body(), "secret");
    Senders senders = new Senders(4);
    return new Push() {
      @Override
      public void send(List<String[]> posts, Runnable sent) {
        StringBuilder body = new StringBuilder("[");
        for (String[] post : posts) {
          body.append(body.length() == 1 ? "" : ",")
              .append("{\"externalId\":\"")
              .append(post[0])
              .append("\",\"text\":\"")
              .append(post[1])
              .append("\"}");
        }
        String payload = body.append("]").toString();
        senders.submit(
            () -> {
              sent.run();
              String id = "msg-" + System.nanoTime();
              String timestamp = Long.toString(System.currentTimeMillis() / 1000);
              check(
                  http.post(
                      endpoint,
                      "application/json",
                      payload,
                      Map.of(
                          "webhook-id",
                          id,
                          "webhook-timestamp",
                          timestamp,
                          "webhook-signature",
                          sign(secret, id, timestamp, payload))),
                  200);
              return null;
            });
      }

      @Override
      public void finish() throws Exception {
        senders.finish();
      }
    };
  }

  /**
   * A feed whose hub Caveat subscribes at; each tick's posts are one signed Atom delivery to the
   * callback, from four senders, as a hub fans out a publisher's update.
   */
  Push webSub(PublisherSite site) throws Exception {
    Http.Response created =
        http.post(
            "/api/v1/sources",
            "application/json",
            "{\"type\":\"feed\",\"name\":\"latency-websub\",\"url\":\"" + site.topicUrl() + "\"}");
    check(created, 201);
    // Reading the feed finds its hub and subscribes; the hub then verifies the subscription.
    check(
        http.post(
            "/api/v1/sources/" + field(created.body(), "id") + "/poll", "application/json", "{}"),
        200);
    PublisherSite.Subscription subscription = site.subscription().get(60, TimeUnit.SECONDS);
    String callback = URI.create(subscription.callback()).getPath();
    Senders senders = new Senders(4);
    return new Push() {
      @Override
      public void send(List<String[]> posts, Runnable sent) {
        String feed = site.feed(posts);
        String signature;
        try {
          signature = "sha256=" + hmacHex(subscription.secret(), feed);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        senders.submit(
            () -> {
              sent.run();
              check(
                  http.post(
                      callback, "application/atom+xml", feed, Map.of("X-Hub-Signature", signature)),
                  202);
              return null;
            });
      }

      @Override
      public void finish() throws Exception {
        senders.finish();
      }
    };
  }

  /**
   * Blog posts that link to a page of a site Caveat receives Webmentions for, each announced by its
   * own Webmention; Caveat fetches the post to verify the link before it takes it.
   */
  Push webmention(PublisherSite site) throws Exception {
    String target = URI.create(PublisherSite.TARGET).getHost();
    check(
        http.post(
            "/api/v1/sources",
            "application/json",
            "{\"type\":\"webmention\",\"name\":\"latency-webmention\",\"targets\":[\""
                + target
                + "\"]}"),
        201);
    Senders senders = new Senders(8);
    return new Push() {
      @Override
      public void send(List<String[]> posts, Runnable sent) {
        // The marked post goes first, so its delay is its own, not its neighbours' too.
        List<String[]> ordered = new ArrayList<>(posts);
        ordered.sort(Comparator.comparing((String[] p) -> !p[1].startsWith("latencymarker")));
        List<String> forms = new ArrayList<>(ordered.size());
        for (String[] post : ordered) {
          forms.add(
              "source="
                  + URLEncoder.encode(site.publish(post[0], post[1]), StandardCharsets.UTF_8)
                  + "&target="
                  + URLEncoder.encode(PublisherSite.TARGET, StandardCharsets.UTF_8));
        }
        senders.submit(
            () -> {
              sent.run();
              for (String form : forms) {
                check(http.post("/webmention", "application/x-www-form-urlencoded", form), 202);
              }
              return null;
            });
      }

      @Override
      public void finish() throws Exception {
        senders.finish();
      }
    };
  }

  /** Messages on a Jetstream WebSocket that Caveat keeps open. */
  Push jetstream(JetstreamFeed feed) throws Exception {
    check(
        http.post(
            "/api/v1/sources",
            "application/json",
            "{\"type\":\"jetstream\",\"name\":\"latency-jetstream\",\"url\":\""
                + feed.url()
                + "\"}"),
        201);
    if (!feed.awaitClient(60)) {
      throw new IllegalStateException("Caveat did not connect to the Jetstream feed");
    }
    long[] clock = {System.currentTimeMillis() * 1000};
    return (posts, sent) -> {
      sent.run();
      for (String[] post : posts) {
        feed.send(JetstreamFeed.postMessage(++clock[0], post[0], post[1]));
      }
      feed.flush();
    };
  }

  /** Runs the rate for the seconds given; the delays in milliseconds of the markers seen. */
  long[] measure(String prefix, Push push) throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> delays = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    // The reader runs on its own thread and the sender sleeps between ticks: on two cores a
    // spinning driver would take the CPU the server needs.
    ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
    reader.scheduleWithFixedDelay(
        () -> {
          try {
            synchronized (seen) {
              read(sentAt, seen, delays);
            }
          } catch (Exception e) {
            System.out.println("reading mentions failed: " + e);
          }
        },
        50,
        50,
        TimeUnit.MILLISECONDS);
    long begin = System.nanoTime();
    int perTick = Math.max(1, rate / 100);
    // Each run its own texts: the same words again would be copies of the last run's posts,
    // counted on their mentions instead of making new ones.
    Random random = new Random(prefix.hashCode());
    int sequence = 0;
    for (int tick = 0; tick < seconds * 100; tick++) {
      long wait = begin + tick * 10_000_000L - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      List<String[]> posts = new ArrayList<>(perTick);
      List<String> markers = new ArrayList<>();
      for (int i = 0; i < perTick; i++) {
        String id = prefix + "-" + sequence++;
        boolean marked = sequence % 10 == 0;
        posts.add(
            new String[] {
              id,
              marked
                  ? "latencymarker " + id + " " + postText(random, 1)
                  : postText(random, 1_000_000)
            });
        if (marked) {
          markers.add(id);
        }
      }
      push.send(
          posts,
          () -> {
            long now = System.nanoTime();
            markers.forEach(id -> sentAt.put(id, now));
          });
    }
    push.finish();
    int expected = seconds * 100 * perTick / 10;
    long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < drainUntil) {
      synchronized (seen) {
        if (seen.size() >= expected) {
          break;
        }
      }
      Thread.sleep(50);
    }
    reader.shutdown();
    reader.awaitTermination(10, TimeUnit.SECONDS);
    if (seen.size() < expected) {
      System.out.printf(
          "%,d of %,d marked posts never became visible within 10 s of the end%n",
          expected - seen.size(), expected);
    }
    return delays.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Reads the newest mentions, and older pages while every marker on a page is new, so that a burst
   * never scrolls a marker past unseen. A marker counts as visible when the first page came back.
   */
  private void read(Map<String, Long> sentAt, Set<String> seen, List<Long> delays)
      throws Exception {
    String cursor = null;
    long visibleAt = 0;
    for (int page = 0; page < 20; page++) {
      Http.Response response =
          http.get(
              "/api/v1/companies/latency/mentions?limit=200"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      if (page == 0) {
        visibleAt = System.nanoTime();
      }
      Matcher m = MARKER.matcher(response.body());
      boolean metSeen = false;
      while (m.find()) {
        Long sent = sentAt.get(m.group(1));
        if (sent == null) {
          continue;
        }
        if (seen.add(m.group(1))) {
          delays.add(TimeUnit.NANOSECONDS.toMillis(Math.max(0, visibleAt - sent)));
        } else {
          metSeen = true;
        }
      }
      Matcher next = NEXT.matcher(response.body());
      if (metSeen || !next.find()) {
        return;
      }
      cursor = next.group(1);
    }
  }

  private static String hmacHex(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String sign(String secret, String id, String timestamp, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }
}
