package dev.caveat.bench.load;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtual reps working the inbox in a closed loop: each sends its next request as soon as the last
 * one answered (or after a think time, when one is given), picking what to do by the weights of
 * {@link #KINDS}. Every rep holds its own token, so "mine" is theirs. Requests of the warm-up are
 * not counted.
 */
final class InboxRun {

  static final String[] STATUSES = {"open", "open", "waiting", "resolved"};

  /** What reps search for, in the monitor language. */
  static final String[] SEARCHES = {
    "refund",
    "router",
    "outage OR down",
    "\"Fibre Max\"",
    "cancel*",
    "bill*",
    "engineer",
    "hold NEAR/3 minutes",
    "wifi password",
    "signal",
    "reset",
    "homework"
  };

  /** One kind of request: its name in the report, how often reps make it, and its path. */
  record Kind(String name, int weight, Function<Rep, String> path) {}

  /** What reps do, and how often; another filter of the case list is one more line here. */
  static final List<Kind> KINDS =
      List.of(
          new Kind("cases: mine", 15, r -> r.cases("assignee=me")),
          new Kind("cases: mine, a later page", 10, Rep::laterPage),
          new Kind("cases: unassigned", 10, r -> r.cases("unassigned=true&status=open")),
          new Kind("cases: team", 10, r -> r.cases("team=" + r.team + "&status=open")),
          new Kind("cases: by status", 10, r -> r.cases("status=" + r.pick(STATUSES))),
          new Kind("case: open one", 25, Rep::oneCase),
          new Kind("mentions", 10, r -> r.mentions("")),
          new Kind("mentions: search", 10, r -> r.mentions("q=" + encode(r.pick(SEARCHES)))));

  private static final Pattern NUMBER = Pattern.compile("\"number\":\"([A-Z0-9-]+)\"");
  private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

  /** A virtual rep: their token, company and team, and what they saw on earlier pages. */
  static final class Rep {
    final Http http;
    final String base;
    final String team;
    final Random random;
    final Latencies[] latencies = new Latencies[KINDS.size()];
    final List<String> seen = new ArrayList<>();
    String mineCursor;
    String laterCursor;
    int depth;

    Rep(Http http, InboxTenants.Rep rep, long seed) {
      this.http = http;
      this.base = "/api/v1/companies/" + rep.slug();
      this.team = encode(rep.team());
      this.random = new Random(seed);
      for (int i = 0; i < latencies.length; i++) {
        latencies[i] = new Latencies();
      }
    }

    String cases(String query) {
      return base + "/cases?" + query;
    }

    String mentions(String query) {
      return base + "/mentions" + (query.isEmpty() ? "" : "?" + query);
    }

    /** The page after the last one of "mine", a few pages deep, then from the second again. */
    String laterPage() {
      if (laterCursor == null || depth >= 4) {
        depth = 0;
        laterCursor = mineCursor;
      }
      depth++;
      return laterCursor == null
          ? cases("assignee=me")
          : cases("assignee=me&cursor=" + laterCursor);
    }

    /** A case seen on a list, as a rep opens one from there. */
    String oneCase() {
      return seen.isEmpty()
          ? cases("assignee=me")
          : base + "/cases/" + seen.get(random.nextInt(seen.size()));
    }

    <T> T pick(T[] options) {
      return options[random.nextInt(options.length)];
    }

    void saw(int kind, String body) {
      if (kind > 4) {
        return;
      }
      Matcher numbers = NUMBER.matcher(body);
      while (numbers.find()) {
        if (seen.size() >= 60) {
          seen.remove(random.nextInt(seen.size()));
        }
        seen.add(numbers.group(1));
      }
      Matcher next = NEXT.matcher(body);
      String cursor = next.find() ? next.group(1) : null;
      if (kind == 0) {
        mineCursor = cursor;
      } else if (kind == 1) {
        laterCursor = cursor;
      }
    }
  }

  private final List<Rep> reps = new ArrayList<>();
  private volatile long measureFrom = Long.MAX_VALUE;
  private volatile long measureUntil = Long.MAX_VALUE;
  private volatile boolean stop;
  private final List<String> failures = new ArrayList<>();

  private final long thinkMillis;

  /** {@code thinkMillis}: the mean pause of a rep between an answer and their next request. */
  InboxRun(int port, List<InboxTenants.Rep> people, int count, long thinkMillis) {
    this.thinkMillis = thinkMillis;
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (int i = 0; i < count; i++) {
      InboxTenants.Rep rep = people.get(i % people.size());
      reps.add(new Rep(new Http(client, port, rep.token()), rep, 1_000 + i));
    }
  }

  /** Runs the reps for the warm-up, then counts for {@code seconds}; answers per kind. */
  Latencies[] run(int warmup, int seconds, Runnable measuring) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (Rep rep : reps) {
      threads.add(Thread.ofVirtual().start(() -> loop(rep)));
    }
    Thread.sleep(warmup * 1000L);
    measuring.run();
    measureFrom = System.nanoTime();
    measureUntil = measureFrom + seconds * 1_000_000_000L;
    Thread.sleep(seconds * 1000L);
    stop = true;
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(30));
    }
    Latencies[] total = new Latencies[KINDS.size()];
    for (int k = 0; k < total.length; k++) {
      total[k] = new Latencies();
      for (Rep rep : reps) {
        total[k].addAll(rep.latencies[k]);
      }
    }
    return total;
  }

  List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  private void loop(Rep rep) {
    int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();
    while (!stop) {
      int roll = rep.random.nextInt(totalWeight);
      int kind = 0;
      while (roll >= KINDS.get(kind).weight()) {
        roll -= KINDS.get(kind).weight();
        kind++;
      }
      String path = KINDS.get(kind).path().apply(rep);
      long started = System.nanoTime();
      try {
        Http.Response response = rep.http.get(path);
        long ended = System.nanoTime();
        boolean counted = started >= measureFrom && ended <= measureUntil;
        if (response.status() != 200) {
          if (counted) {
            rep.latencies[kind].error();
          }
          note(path + " answered " + response.status() + ": " + response.body());
          continue;
        }
        if (counted) {
          rep.latencies[kind].add(ended - started);
        }
        rep.saw(kind, response.body());
        if (thinkMillis > 0) {
          // Between half and one and a half times the mean, so reps do not move in step.
          Thread.sleep(thinkMillis / 2 + rep.random.nextLong(thinkMillis + 1));
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        note(path + " failed: " + e);
      }
    }
  }

  private void note(String failure) {
    synchronized (failures) {
      if (failures.size() < 10) {
        failures.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
      }
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
