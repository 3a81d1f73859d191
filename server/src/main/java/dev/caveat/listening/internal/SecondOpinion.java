package dev.caveat.listening.internal;

import dev.caveat.core.classify.Intent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second opinion on what a post wants, from a chat model behind an OpenAI-compatible endpoint,
 * asked only when the classifier is unsure. Off unless an address is configured; any failure leaves
 * the classifier's own answer standing.
 */
@Component
class SecondOpinion {

  private static final Logger log = LoggerFactory.getLogger(SecondOpinion.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The words of a post the model is shown: enough to tell what it wants. */
  static final int MAX_TEXT = 4_000;

  static final String INSTRUCTIONS =
      "You label public posts that mention a company, for the company's customer care team."
          + " Answer with one JSON object and nothing else: {\"intent\": \"...\", \"why\": \"...\"}."
          + " intent is one of: complaint (the writer has a problem with the company's product or"
          + " service, however politely or sarcastically put, including questions that are really"
          + " complaints), question (the writer asks how to do something or for information),"
          + " praise (the writer thanks or recommends), need (the writer wants to buy or hire"
          + " something), spam (advertising, scams, link drops, follow-for-follow), other (talks"
          + " about a company and asks nothing). why is one short sentence.";

  /** The model's reading of a post. */
  record Opinion(Intent intent, String why, String model) {}

  private final URI endpoint;
  private final String key;
  private final String model;
  private final double below;
  private final Duration timeout;
  private final int perMinute;
  private final Clock clock;
  private final HttpClient http;
  private Instant windowStart = Instant.EPOCH;
  private int askedInWindow;

  SecondOpinion(
      @Value("${caveat.classify.second-opinion.url:}") String url,
      @Value("${caveat.classify.second-opinion.key:}") String key,
      @Value("${caveat.classify.second-opinion.model:gpt-4o-mini}") String model,
      @Value("${caveat.classify.second-opinion.below:0.6}") double below,
      @Value("${caveat.classify.second-opinion.timeout:10s}") Duration timeout,
      @Value("${caveat.classify.second-opinion.per-minute:60}") int perMinute,
      Clock clock) {
    this.endpoint = url.isBlank() ? null : chatCompletions(url.strip());
    this.key = key.strip();
    this.model = model.strip();
    this.below = below;
    this.timeout = timeout;
    this.perMinute = perMinute;
    this.clock = clock;
    this.http =
        endpoint == null
            ? null
            : HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
  }

  /** The base address as operators copy it ({@code .../v1}) or the full completions address. */
  static URI chatCompletions(String url) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI uri = URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "caveat.classify.second-opinion.url must be an http or https address, not " + url);
    }
    return uri;
  }

  boolean enabled() {
    return endpoint != null;
  }

  /** Whether a label given with this confidence should be checked. */
  boolean wanted(double confidence) {
    return endpoint != null && confidence < below;
  }

  /** Asks the model; empty when it is off, over its budget, unreachable or makes no sense. */
  Optional<Opinion> ask(String title, String text) {
    if (endpoint == null || !withinBudget()) {
      return Optional.empty();
    }
    String post = (title == null || title.isBlank() ? "" : title + "\n") + text;
    if (post.length() > MAX_TEXT) {
      post = post.substring(0, MAX_TEXT);
    }
    String body =
        JSON.writeValueAsString(
            Map.of(
                "model",
                model,
                "temperature",
                0,
                "messages",
                List.of(
                    Map.of("role", "system", "content", INSTRUCTIONS),
                    Map.of("role", "user", "content", post))));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!key.isEmpty()) {
      request.header("Authorization", "Bearer " + key);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        log.warn("Second opinion: {} answered HTTP {}", endpoint, response.statusCode());
        return Optional.empty();
      }
      return read(response.body(), model);
    } catch (IOException e) {
      log.warn("Second opinion: {} unreachable: {}", endpoint, e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The opinion in a chat completion, which may wrap its JSON in prose or a code fence. */
  static Optional<Opinion> read(String completion, String askedModel) {
    try {
      JsonNode answer = JSON.readTree(completion);
      JsonNode content = answer.path("choices").path(0).path("message").path("content");
      String said = content.isString() ? content.stringValue() : "";
      int start = said.indexOf('{');
      int end = said.lastIndexOf('}');
      if (start < 0 || end < start) {
        return Optional.empty();
      }
      JsonNode opinion = JSON.readTree(said.substring(start, end + 1));
      String code = opinion.path("intent").asString("").strip().toLowerCase(Locale.ROOT);
      String why = opinion.path("why").asString("").strip();
      String byModel = answer.path("model").asString(askedModel);
      for (Intent intent : Intent.values()) {
        if (intent.code().equals(code)) {
          return Optional.of(
              new Opinion(intent, why.length() > 300 ? why.substring(0, 300) : why, byModel));
        }
      }
      return Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** A runaway stream of unsure posts must not become a runaway bill. */
  private synchronized boolean withinBudget() {
    Instant now = clock.instant();
    if (Duration.between(windowStart, now).compareTo(Duration.ofMinutes(1)) >= 0) {
      windowStart = now;
      askedInWindow = 0;
    }
    if (askedInWindow >= perMinute) {
      return false;
    }
    askedInWindow++;
    return true;
  }
}
