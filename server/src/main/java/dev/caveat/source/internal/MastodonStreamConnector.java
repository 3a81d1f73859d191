package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.platform.fetch.AddressGuard;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon hashtag or public timeline over the streaming API (server-sent events). Configured
 * like {@code mastodon}: {@code url} is the instance, config {@code "hashtag"} picks a tag. The
 * streaming API cannot resume, so each connection first catches up over the REST timeline from the
 * stored cursor (the newest status id), then streams; every stored status moves the cursor on.
 */
@Component
class MastodonStreamConnector implements StreamConnector, AutoCloseable {

  static final int MAX_EVENT_BYTES = 1024 * 1024;
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final MastodonConnector timeline;
  private final GuardedHttpClient http;
  private final AddressGuard guard;
  private final JsonMapper json;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  MastodonStreamConnector(
      MastodonConnector timeline, GuardedHttpClient http, AddressGuard guard, JsonMapper json) {
    this.timeline = timeline;
    this.http = http;
    this.guard = guard;
    this.json = json;
  }

  @Override
  public String type() {
    return "mastodon-stream";
  }

  @Override
  public void stream(Sources.Source source, Receiver receiver)
      throws FetchException, InterruptedException {
    URI uri = streamingAddress(source);
    guard.check(uri);
    // Opened before the catch-up and read after it: what is posted meanwhile waits in the
    // connection rather than falling between the two. Seeing a status twice costs nothing.
    HttpResponse<InputStream> response = open(uri);
    try (InputStream body = response.body()) {
      receiver.connected();
      String newest = catchUp(source, receiver);
      ServerSentEvents events = new ServerSentEvents(body, MAX_EVENT_BYTES, receiver::alive);
      for (ServerSentEvents.Event event = events.next(); event != null; event = events.next()) {
        if (event.tooLarge()) {
          receiver.accept(
              Item.problem(
                  Connector.Problem.of(
                      null,
                      event.bytes() + ":" + event.start(),
                      "the event is larger than 1 MiB (" + event.bytes() + " bytes)"),
                  null));
        } else if ("update".equals(event.type())) {
          Item item = update(source, event.data(), newest);
          newest = item.cursor() == null ? newest : item.cursor();
          receiver.accept(item);
        }
      }
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("stopped while reading the stream");
      }
      throw new FetchException(
          FetchException.Kind.NETWORK,
          "the stream from " + uri.getHost() + " broke: " + e.getMessage(),
          e);
    }
  }

  /** The statuses since the stored cursor, through the REST connector; the newest id after them. */
  private String catchUp(Sources.Source source, Receiver receiver)
      throws FetchException, InterruptedException {
    Connector.Delivery missed = timeline.read(source, http);
    for (Connector.Problem problem : missed.problems()) {
      receiver.accept(Item.problem(problem, null));
    }
    for (Post post : missed.posts()) {
      receiver.accept(Item.post(post, null));
    }
    String newest = missed.next().position();
    if (newest != null && !newest.equals(source.cursor().position())) {
      receiver.accept(Item.advance(newest));
    }
    return newest;
  }

  private Item update(Sources.Source source, String data, String newest) {
    JsonNode status;
    try {
      status = json.readTree(data);
    } catch (JacksonException e) {
      return Item.problem(
          Connector.Problem.of(
              null, data, "the event is not valid JSON: " + e.getOriginalMessage()),
          null);
    }
    String id = JsonSource.text(status, "id");
    String next;
    try {
      next = MastodonConnector.newer(newest, MastodonConnector.statusId(status));
    } catch (IllegalArgumentException e) {
      return Item.problem(Connector.Problem.of(id, data, e.getMessage()), null);
    }
    try {
      return Item.post(MastodonStatuses.post(source.name(), status), next);
    } catch (IllegalArgumentException e) {
      // Quarantined, so the cursor may pass it, as the REST connector's does.
      return Item.problem(Connector.Problem.of(id, data, e.getMessage()), next);
    }
  }

  private HttpResponse<InputStream> open(URI uri) throws FetchException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Accept", "text/event-stream")
            .header("User-Agent", http.limits().userAgent())
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new FetchException(
          FetchException.Kind.TIMEOUT, uri.getHost() + " did not answer in time", e);
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Kind.NETWORK,
          "could not connect to " + uri.getHost() + ": " + e.getMessage(),
          e);
    }
    if (response.statusCode() != 200) {
      try {
        response.body().close();
      } catch (IOException e) {
        // The answer is refused either way; closing only frees the connection.
      }
      throw new FetchException(
          FetchException.Kind.NETWORK,
          uri.getHost() + " answered " + response.statusCode() + " for " + uri.getPath());
    }
    return response;
  }

  private URI streamingAddress(Sources.Source source) {
    String hashtag = timeline.hashtag(source);
    return URI.create(source.url())
        .resolve(
            hashtag == null
                ? "/api/v1/streaming/public"
                : "/api/v1/streaming/hashtag?tag="
                    + URLEncoder.encode(hashtag, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
