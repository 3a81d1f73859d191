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
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies received Webmentions: fetch the source (through the address guard), make sure it links
 * to the target, then take its h-entry — or, for a page without microformats, its title and text —
 * as a post whose id is the source address.
 */
@Component
class WebmentionVerifier {

  static final int MAX_TEXT = 20_000;

  private final Webmentions webmentions;
  private final Sources sources;
  private final GuardedHttpClient http;
  private final PostIntake intake;
  private final Clock clock;
  private final Mf2Parser parser = new Mf2Parser();

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

  @Scheduled(fixedDelayString = "${caveat.webmention.tick:500ms}")
  void verifyPending() {
    for (Webmentions.Webmention webmention : webmentions.pending(20)) {
      sources.find(webmention.sourceId()).ifPresent(source -> verify(source, webmention));
    }
  }

  private void verify(Sources.Source receiver, Webmentions.Webmention webmention) {
    GuardedHttpClient.Response page;
    try {
      page = http.get(URI.create(webmention.sourceUrl()), Map.of("Accept", "text/html"));
    } catch (FetchException e) {
      webmentions.processed(
          webmention.id(),
          "failed",
          "the source could not be fetched: " + e.getMessage(),
          clock.instant());
      return;
    }
    if (page.status() != 200) {
      webmentions.processed(
          webmention.id(), "rejected", "the source answered " + page.status(), clock.instant());
      return;
    }
    Document html =
        Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.uri().toString());
    if (!linksTo(html, webmention.targetUrl())) {
      webmentions.processed(
          webmention.id(), "rejected", "the source does not link to the target", clock.instant());
      return;
    }
    Post post = post(receiver, webmention, page, html);
    List<IntakeOutcome> outcome = intake.take(List.of(post));
    String detail =
        switch (outcome.getFirst()) {
          case IntakeOutcome.Accepted a -> "taken";
          case IntakeOutcome.Duplicate d -> "already taken from this source";
          case IntakeOutcome.Rejected r -> "not taken: " + r.reason();
        };
    boolean taken = outcome.getFirst() instanceof IntakeOutcome.Accepted;
    if (taken) {
      sources.received(receiver.id(), clock.instant(), 1, 0);
    }
    webmentions.processed(
        webmention.id(),
        outcome.getFirst() instanceof IntakeOutcome.Rejected ? "rejected" : "accepted",
        detail,
        clock.instant());
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
