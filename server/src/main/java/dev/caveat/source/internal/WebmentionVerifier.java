package dev.caveat.source.internal;

import dev.caveat.core.mf2.Mf2Exception;
import dev.caveat.core.mf2.Mf2Page;
import dev.caveat.core.mf2.Mf2Parser;
import dev.caveat.core.post.Post;
import dev.caveat.listening.IntakeOutcome;
import dev.caveat.listening.PostIntake;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies received Webmentions: fetch the source (through the address guard), make sure it links
 * to the target, then take its h-entry — or, for a page without microformats, its title and text —
 * as a post whose id is the source address.
 *
 * <p>A received Webmention wakes the verifier at once; the tick only catches what a wake-up missed
 * (a restart, a failed round). Each round takes a batch of pending Webmentions, fetches their
 * sources side by side and hands the verified posts to listening together, so a burst of senders is
 * verified at the pace of the network rather than one page after another.
 */
@Component
class WebmentionVerifier {

  private static final Logger log = LoggerFactory.getLogger(WebmentionVerifier.class);

  static final int MAX_TEXT = 20_000;

  /** Webmentions verified per round. */
  static final int BATCH = 200;

  /** Sources fetched at once: enough to hide network delays, few enough to stay polite. */
  static final int FETCHES = 32;

  private final Webmentions webmentions;
  private final Sources sources;
  private final GuardedHttpClient http;
  private final PostIntake intake;
  private final Clock clock;
  private final Mf2Parser parser = new Mf2Parser();
  private final ReentrantLock verifying = new ReentrantLock();
  private final AtomicBoolean more = new AtomicBoolean();
  private final Semaphore fetches = new Semaphore(FETCHES);

  WebmentionVerifier(
      Webmentions webmentions,
      Sources sources,
      GuardedHttpClient http,
      PostIntake intake,
      Clock clock) {
    this.webmentions = webmentions;
    this.sources = sources;
    this.http = http;
    this.intake = intake;
    this.clock = clock;
  }

  /** A Webmention was stored: verify it without waiting for the tick. */
  void wake() {
    more.set(true);
    if (!verifying.isLocked()) {
      Thread.ofVirtual().name("webmention-verifier").start(this::verifyPending);
    }
  }

  /**
   * Verifies until nothing is pending. Only one caller verifies at a time; a wake-up that finds it
   * busy leaves a flag the busy one sees before it lets go, so nothing waits for the next tick.
   */
  @Scheduled(fixedDelayString = "${caveat.webmention.tick:1s}")
  void verifyPending() {
    more.set(true);
    while (more.get() && verifying.tryLock()) {
      try {
        more.set(false);
        while (verifyRound() > 0) {
          // A full round may have left more behind it.
        }
      } catch (RuntimeException e) {
        log.warn("Verifying Webmentions failed; trying again on the next tick", e);
        return;
      } finally {
        verifying.unlock();
      }
    }
  }

  /** One round: how many Webmentions it settled. */
  private int verifyRound() {
    List<Webmentions.Webmention> batch = webmentions.pending(BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    Map<UUID, Optional<Sources.Source>> receivers = new HashMap<>();
    List<Future<Checked>> checking = new ArrayList<>(batch.size());
    try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Webmentions.Webmention webmention : batch) {
        Optional<Sources.Source> receiver =
            receivers.computeIfAbsent(webmention.sourceId(), sources::find);
        checking.add(fetchers.submit(() -> check(receiver, webmention)));
      }
    }
    List<Checked> checked = new ArrayList<>(batch.size());
    for (Future<Checked> future : checking) {
      checked.add(future.resultNow());
    }
    settle(checked);
    return batch.size();
  }

  /** What fetching one source told: a post to take, or why there is none. */
  private record Checked(
      Webmentions.Webmention webmention,
      Sources.Source receiver,
      Post post,
      String status,
      String detail) {}

  private Checked check(Optional<Sources.Source> receiver, Webmentions.Webmention webmention) {
    if (receiver.isEmpty()) {
      return new Checked(webmention, null, null, "rejected", "the receiving source was removed");
    }
    GuardedHttpClient.Response page;
    try {
      fetches.acquire();
      try {
        page = http.get(URI.create(webmention.sourceUrl()), Map.of("Accept", "text/html"));
      } finally {
        fetches.release();
      }
    } catch (FetchException e) {
      return new Checked(
          webmention,
          receiver.get(),
          null,
          "failed",
          "the source could not be fetched: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Checked(webmention, receiver.get(), null, "failed", "verification was stopped");
    }
    if (page.status() != 200) {
      return new Checked(
          webmention, receiver.get(), null, "rejected", "the source answered " + page.status());
    }
    Document html =
        Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.uri().toString());
    if (!linksTo(html, webmention.targetUrl())) {
      return new Checked(
          webmention, receiver.get(), null, "rejected", "the source does not link to the target");
    }
    return new Checked(
        webmention, receiver.get(), post(receiver.get(), webmention, page, html), null, null);
  }

  /** Takes the verified posts in one go, then records every outcome. */
  private void settle(List<Checked> checked) {
    List<Checked> verified = checked.stream().filter(c -> c.post() != null).toList();
    List<IntakeOutcome> outcomes =
        verified.isEmpty() ? List.of() : intake.take(verified.stream().map(Checked::post).toList());
    Instant now = clock.instant();
    Map<UUID, Integer> taken = new HashMap<>();
    List<Webmentions.Outcome> settled = new ArrayList<>(checked.size());
    for (Checked c : checked) {
      if (c.post() == null) {
        settled.add(new Webmentions.Outcome(c.webmention().id(), c.status(), c.detail()));
      }
    }
    for (int i = 0; i < verified.size(); i++) {
      Checked c = verified.get(i);
      IntakeOutcome outcome = outcomes.get(i);
      String detail =
          switch (outcome) {
            case IntakeOutcome.Accepted a -> "taken";
            case IntakeOutcome.Duplicate d -> "already taken from this source";
            case IntakeOutcome.Rejected r -> "not taken: " + r.reason();
          };
      if (outcome instanceof IntakeOutcome.Accepted) {
        taken.merge(c.receiver().id(), 1, Integer::sum);
      }
      settled.add(
          new Webmentions.Outcome(
              c.webmention().id(),
              outcome instanceof IntakeOutcome.Rejected ? "rejected" : "accepted",
              detail));
    }
    taken.forEach((receiver, count) -> sources.received(receiver, now, count, 0));
    webmentions.processed(settled, now);
  }

  /** The specification asks for the exact target address in a link, image or other reference. */
  private static boolean linksTo(Document html, String target) {
    for (Element element :
        html.select(
            "a[href], link[href], area[href], img[src], video[src], audio[src], source[src]")) {
      String address = element.hasAttr("href") ? element.absUrl("href") : element.absUrl("src");
      if (address.equals(target)) {
        return true;
      }
    }
    return false;
  }

  private Post post(
      Sources.Source receiver,
      Webmentions.Webmention webmention,
      GuardedHttpClient.Response page,
      Document html) {
    try {
      Mf2Page entries = parser.parse(page.body(), receiver.name(), page.uri().toString());
      for (Post entry : entries.posts()) {
        return new Post(
            receiver.name(),
            webmention.sourceUrl(),
            entry.url() == null ? webmention.sourceUrl() : entry.url(),
            entry.author(),
            entry.title(),
            entry.text(),
            entry.html(),
            entry.published(),
            webmention.targetUrl(),
            entry.language());
      }
    } catch (Mf2Exception e) {
      // Fall through to the plain page below.
    }
    String text = html.body() == null ? "" : html.body().text();
    return new Post(
        receiver.name(),
        webmention.sourceUrl(),
        webmention.sourceUrl(),
        null,
        html.title().isBlank() ? null : html.title(),
        text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
        null,
        null,
        webmention.targetUrl(),
        null);
  }
}
