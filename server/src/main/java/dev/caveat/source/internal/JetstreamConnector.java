package dev.caveat.source.internal;

import dev.caveat.platform.fetch.AddressGuard;
import dev.caveat.platform.fetch.FetchException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky posts from a Jetstream server over a WebSocket. {@code url} is the endpoint (ws:// or
 * wss://, {@code /subscribe} when no path is given); config {@code "wantedDids"} narrows the stream
 * to some accounts. The cursor is the {@code time_us} of the last stored message, passed back as
 * {@code cursor}, from where Jetstream replays.
 */
@Component
class JetstreamConnector implements StreamConnector, AutoCloseable {

  static final int MAX_MESSAGE_BYTES = 1024 * 1024;
  static final Duration PING_EVERY = Duration.ofSeconds(30);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final AddressGuard guard;
  private final JsonMapper json;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  JetstreamConnector(AddressGuard guard, JsonMapper json) {
    this.guard = guard;
    this.json = json;
  }

  @Override
  public String type() {
    return "jetstream";
  }

  @Override
  public URI addressToCheck(URI url) throws FetchException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String web =
        switch (scheme) {
          case "ws" -> "http";
          case "wss" -> "https";
          default ->
              throw new FetchException(
                  FetchException.Kind.BAD_ADDRESS, "a jetstream url starts with ws:// or wss://");
        };
    return URI.create(web + url.toString().substring(scheme.length()));
  }

  @Override
  public void stream(Sources.Source source, Receiver receiver)
      throws FetchException, InterruptedException {
    URI uri = subscribeAddress(source);
    guard.check(addressToCheck(uri));
    WebSocketInbox inbox = new WebSocketInbox(MAX_MESSAGE_BYTES, receiver::alive);
    WebSocket socket = connect(uri, inbox);
    receiver.connected();
    try {
      while (true) {
        WebSocketInbox.Arrival arrival = inbox.next(PING_EVERY);
        switch (arrival) {
          case null -> {
            // Quiet streams are normal with wantedDids; a pong shows the connection still works.
            socket.sendPing(ByteBuffer.allocate(0));
            continue;
          }
          case WebSocketInbox.Text message -> {
            Optional<Item> item = JetstreamMessages.read(json, source.name(), message.text());
            if (item.isPresent()) {
              receiver.accept(item.get());
            }
          }
          case WebSocketInbox.TooLarge big ->
              receiver.accept(
                  Item.problem(
                      Connector.Problem.of(
                          null,
                          big.bytes() + ":" + big.start(),
                          "the message is larger than 1 MiB (" + big.bytes() + " bytes)"),
                      null));
          case WebSocketInbox.Binary binary ->
              receiver.accept(
                  Item.problem(
                      Connector.Problem.of(
                          null, "binary", "a binary message, where JSON text was expected"),
                      null));
          case WebSocketInbox.Closed closed -> {
            return;
          }
          case WebSocketInbox.Failed failed ->
              throw new FetchException(
                  FetchException.Kind.NETWORK,
                  "the stream from " + uri.getHost() + " broke: " + failed.error().getMessage(),
                  failed.error());
        }
        socket.request(1);
      }
    } finally {
      socket.abort();
    }
  }

  private WebSocket connect(URI uri, WebSocketInbox inbox)
      throws FetchException, InterruptedException {
    CompletableFuture<WebSocket> pending =
        client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, inbox);
    try {
      return pending.get(CONNECT_TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | TimeoutException e) {
      pending.cancel(true);
      pending.thenAccept(WebSocket::abort);
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new FetchException(
          FetchException.Kind.TIMEOUT, uri.getHost() + " did not open the WebSocket in time");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        throw new FetchException(
            FetchException.Kind.NETWORK,
            uri.getHost()
                + " answered "
                + refused.getResponse().statusCode()
                + " instead of opening a WebSocket");
      }
      throw new FetchException(
          FetchException.Kind.NETWORK,
          "could not connect to " + uri.getHost() + ": " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  URI subscribeAddress(Sources.Source source) throws FetchException {
    URI base = URI.create(source.url());
    String path = base.getRawPath();
    StringBuilder query = new StringBuilder();
    if (base.getRawQuery() != null) {
      query.append(base.getRawQuery()).append('&');
    }
    query.append("wantedCollections=").append(JetstreamMessages.POSTS);
    for (String did : wantedDids(source)) {
      query.append("&wantedDids=").append(URLEncoder.encode(did, StandardCharsets.UTF_8));
    }
    String cursor = source.cursor().position();
    if (cursor != null) {
      query.append("&cursor=").append(cursor);
    }
    return URI.create(
        base.getScheme()
            + "://"
            + base.getRawAuthority()
            + (path == null || path.isEmpty() || path.equals("/") ? "/subscribe" : path)
            + "?"
            + query);
  }

  private List<String> wantedDids(Sources.Source source) throws FetchException {
    JsonNode dids = json.readTree(source.config()).get("wantedDids");
    if (dids == null || dids.isNull()) {
      return List.of();
    }
    if (!dids.isArray() || !dids.valueStream().allMatch(JsonNode::isString)) {
      throw new FetchException(
          FetchException.Kind.BAD_ADDRESS, "wantedDids must be a list of DIDs, as strings");
    }
    return dids.valueStream().map(JsonNode::stringValue).toList();
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
