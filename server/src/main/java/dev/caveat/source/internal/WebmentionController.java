package dev.caveat.source.internal;

import dev.caveat.platform.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C Webmention receiver. A site that lists this hub as its webmention endpoint (a {@code
 * webmention} source names the site's hosts as {@code targets}) has mentions of its pages verified
 * and taken. Requests are answered 202 at once; verification runs in the background and its outcome
 * is at the address in {@code Location}.
 */
@RestController
class WebmentionController {

  record Status(
      UUID id,
      String source,
      String target,
      String status,
      String detail,
      Instant receivedAt,
      Instant processedAt) {}

  private final Sources sources;
  private final Webmentions webmentions;
  private final WebmentionVerifier verifier;
  private final JsonMapper json;
  private final Clock clock;

  WebmentionController(
      Sources sources,
      Webmentions webmentions,
      WebmentionVerifier verifier,
      JsonMapper json,
      Clock clock) {
    this.sources = sources;
    this.webmentions = webmentions;
    this.verifier = verifier;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping(value = "/webmention", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Status> receive(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String target) {
    URI from = web(source, "source");
    URI to = web(target, "target");
    if (from.equals(to)) {
      throw ApiException.badRequest("source and target must be different pages");
    }
    Sources.Source receiver =
        sources.findAll().stream()
            .filter(s -> s.type().equals(SourceController.WEBMENTION) && s.enabled())
            .filter(s -> receives(s, to.getHost()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "target is not on a site this hub receives Webmentions for"));
    UUID id = webmentions.insert(receiver.id(), from.toString(), to.toString(), clock.instant());
    verifier.wake();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/webmention/" + id))
        .body(status(webmentions.find(id).orElseThrow()));
  }

  @GetMapping("/webmention/{id}")
  Status show(@PathVariable UUID id) {
    return status(
        webmentions
            .find(id)
            .orElseThrow(() -> ApiException.notFound("There is no Webmention " + id + ".")));
  }

  private boolean receives(Sources.Source source, String host) {
    JsonNode targets = json.readTree(source.config()).path("targets");
    String lower = host.toLowerCase(Locale.ROOT);
    for (JsonNode target : targets) {
      String site = target.asString().toLowerCase(Locale.ROOT);
      if (lower.equals(site) || lower.endsWith("." + site)) {
        return true;
      }
    }
    return false;
  }

  private static URI web(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw ApiException.badRequest(field + " must be an http or https address");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ApiException.badRequest(field + " is not a valid address");
    }
  }

  private static Status status(Webmentions.Webmention w) {
    return new Status(
        w.id(),
        w.sourceUrl(),
        w.targetUrl(),
        w.status(),
        w.detail(),
        w.receivedAt(),
        w.processedAt());
  }
}
