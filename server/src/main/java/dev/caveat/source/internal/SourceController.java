package dev.caveat.source.internal;

import dev.caveat.account.Actor;
import dev.caveat.platform.ApiException;
import dev.caveat.platform.fetch.AddressGuard;
import dev.caveat.platform.fetch.FetchException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The hub's sources, for its operator: add, inspect health, poll now, remove. */
@RestController
@RequestMapping("/api/v1/sources")
class SourceController {

  static final String WEBHOOK = "webhook";
  static final String WEBMENTION = "webmention";
  static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  record HealthView(
      String status,
      Instant nextPollAt,
      Instant lastPolledAt,
      Instant lastSuccessAt,
      String lastError,
      Instant lastErrorAt,
      int consecutiveFailures,
      long items,
      long quarantined,
      Long lagSeconds) {}

  record QuarantineView(String externalId, String reason, Instant at) {}

  /**
   * A source as the operator sees it. A webhook's {@code secret} is shown once, when it is made;
   * its senders post to {@code endpoint}.
   */
  record SourceView(
      UUID id,
      String name,
      String type,
      String url,
      String endpoint,
      String secret,
      long pollIntervalSeconds,
      boolean enabled,
      Instant createdAt,
      HealthView health,
      List<QuarantineView> recentlyQuarantined) {

    SourceView withSecret(String secret) {
      return new SourceView(
          id,
          name,
          type,
          url,
          endpoint,
          secret,
          pollIntervalSeconds,
          enabled,
          createdAt,
          health,
          recentlyQuarantined);
    }
  }

  record SourceList(List<SourceView> items) {}

  private final Sources sources;
  private final SourcePoller poller;
  private final StreamConnectors streams;
  private final AddressGuard guard;
  private final Clock clock;

  SourceController(
      Sources sources,
      SourcePoller poller,
      StreamConnectors streams,
      AddressGuard guard,
      Clock clock) {
    this.sources = sources;
    this.poller = poller;
    this.streams = streams;
    this.guard = guard;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<SourceView> create(Actor actor, @RequestBody JsonNode body) {
    requireOperator(actor);
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("Send a source as a JSON object with at least \"type\".");
    }
    ObjectNode config = ((ObjectNode) body).deepCopy();
    String type = text(config.remove("type"));
    List<String> types = types();
    if (type == null || !types.contains(type)) {
      throw ApiException.badRequest("type must be one of " + String.join(", ", types));
    }
    boolean pulled = poller.types().contains(type);
    boolean streamed = streams.types().contains(type);
    String urlText = text(config.remove("url"));
    URI url = pulled || streamed || urlText != null ? webAddress(type, urlText) : null;
    String name = text(config.remove("name"));
    Duration interval = interval(config.remove("pollIntervalSeconds"), DEFAULT_INTERVAL);
    JsonNode enabledNode = config.remove("enabled");
    boolean enabled = enabledNode == null || enabledNode.isNull() || enabledNode.asBoolean();
    String sourceName = name != null ? name.strip() : defaultName(type, url);
    String secret = type.equals(WEBHOOK) ? StandardWebhooks.newSecret() : null;
    Sources.NewSource definition =
        new Sources.NewSource(
            sourceName,
            type,
            url == null ? null : url.toString(),
            config.toString(),
            interval,
            enabled,
            pulled,
            secret);
    Sources.Source created =
        sources
            .insert(definition, clock.instant())
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "A source named '" + sourceName + "' exists; give another \"name\"."));
    return ResponseEntity.created(URI.create("/api/v1/sources/" + created.id()))
        .body(view(created, List.of()).withSecret(secret));
  }

  private List<String> types() {
    List<String> types = new java.util.ArrayList<>(poller.types());
    types.addAll(streams.types());
    types.add(WEBHOOK);
    types.add(WEBMENTION);
    return types.stream().sorted().toList();
  }

  private static String defaultName(String type, URI url) {
    if (url == null) {
      throw ApiException.badRequest("name is required for a " + type + " source");
    }
    return type + ":" + url.getHost() + url.getRawPath();
  }

  @GetMapping
  SourceList list(Actor actor) {
    requireOperator(actor);
    return new SourceList(sources.findAll().stream().map(s -> view(s, List.of())).toList());
  }

  @GetMapping("/{id}")
  SourceView show(Actor actor, @PathVariable UUID id) {
    requireOperator(actor);
    Sources.Source source = find(id);
    return view(source, sources.recentQuarantine(id, 20));
  }

  /** Pause or resume a source, or change how often it is polled. */
  @PatchMapping("/{id}")
  SourceView change(Actor actor, @PathVariable UUID id, @RequestBody JsonNode body) {
    requireOperator(actor);
    Sources.Source source = find(id);
    JsonNode enabledNode = body == null ? null : body.get("enabled");
    boolean enabled =
        enabledNode == null || enabledNode.isNull() ? source.enabled() : enabledNode.asBoolean();
    Duration interval =
        interval(body == null ? null : body.get("pollIntervalSeconds"), source.pollInterval());
    sources.change(id, enabled, interval);
    return view(find(id), List.of());
  }

  @PostMapping("/{id}/poll")
  SourcePoller.PollReport pollNow(Actor actor, @PathVariable UUID id) {
    requireOperator(actor);
    return poller
        .poll(find(id))
        .orElseThrow(
            () -> ApiException.conflict("A poll of this source is under way; try again shortly."));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
    requireOperator(actor);
    if (!sources.delete(id)) {
      throw ApiException.notFound("There is no source " + id + ".");
    }
    return ResponseEntity.noContent().build();
  }

  private Sources.Source find(UUID id) {
    return sources
        .find(id)
        .orElseThrow(() -> ApiException.notFound("There is no source " + id + "."));
  }

  private URI webAddress(String type, String url) {
    if (url == null || url.isBlank()) {
      throw ApiException.badRequest("url is required");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("url is not a valid address: " + e.getReason());
    }
    try {
      guard.check(streams.addressToCheck(type, uri));
    } catch (FetchException e) {
      HttpStatus status =
          e.kind() == FetchException.Kind.NETWORK
              ? HttpStatus.UNPROCESSABLE_CONTENT
              : HttpStatus.BAD_REQUEST;
      throw new ApiException(status, "url cannot be used: " + e.getMessage());
    }
    return uri;
  }

  private static Duration interval(JsonNode node, Duration fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToLong() || node.asLong() < MIN_INTERVAL.toSeconds()) {
      throw ApiException.badRequest(
          "pollIntervalSeconds must be a whole number of at least " + MIN_INTERVAL.toSeconds());
    }
    return Duration.ofSeconds(node.asLong());
  }

  private static void requireOperator(Actor actor) {
    if (!actor.operator()) {
      throw ApiException.forbidden("Only a hub operator manages sources.");
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }

  private static SourceView view(Sources.Source s, List<Sources.Quarantined> quarantine) {
    Sources.Health h = s.health();
    String status;
    if (h.lastPolledAt() == null) {
      status = "pending";
    } else if (h.consecutiveFailures() > 0) {
      status = "failing";
    } else {
      status = "ok";
    }
    return new SourceView(
        s.id(),
        s.name(),
        s.type(),
        s.url(),
        s.type().equals(WEBHOOK) ? "/api/v1/webhooks/" + s.id() : null,
        null,
        s.pollInterval().toSeconds(),
        s.enabled(),
        s.createdAt(),
        new HealthView(
            status,
            h.nextPollAt(),
            h.lastPolledAt(),
            h.lastSuccessAt(),
            h.lastError(),
            h.lastErrorAt(),
            h.consecutiveFailures(),
            h.items(),
            h.quarantined(),
            h.lastLagSeconds()),
        quarantine.stream()
            .map(q -> new QuarantineView(q.externalId(), q.reason(), q.at()))
            .toList());
  }
}
