package dev.caveat.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The open web for the load run, on loopback: a feed whose WebSub hub this site also plays, and
 * blog pages that a Webmention's source address points at.
 */
final class PublisherSite implements AutoCloseable {

  /** What the hub was asked: where to deliver and the secret to sign with. */
  record Subscription(String callback, String secret) {}

  static final String TARGET = "https://target.example/launch";

  private final HttpServer server;
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private final CompletableFuture<Subscription> subscribed = new CompletableFuture<>();
  private final HttpClient client = HttpClient.newHttpClient();

  PublisherSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/topic.xml", this::topic);
    server.createContext("/hub", this::hub);
    server.createContext("/page/", this::page);
    server.start();
  }

  String topicUrl() {
    return base() + "/topic.xml";
  }

  /** The address of the page a post is published at, once it is. */
  String publish(String id, String text) {
    pages.put(id, text);
    return base() + "/page/" + id;
  }

  CompletableFuture<Subscription> subscription() {
    return subscribed;
  }

  /**
   * An Atom document of the entries given as id and text, as a hub delivers it; entries are dated
   * now, as fresh news is, so their mentions sort among the newest.
   */
  String feed(Iterable<String[]> entries) {
    String now = java.time.Instant.now().toString();
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Load notes</title>"
                + "<id>tag:load.example,2026:feed</id><updated>2026-12-01T09:00:00Z</updated>"
                + "<link rel=\"self\" href=\""
                + topicUrl()
                + "\"/><link rel=\"hub\" href=\""
                + base()
                + "/hub\"/>");
    for (String[] entry : entries) {
      xml.append("<entry><id>tag:load.example,2026:")
          .append(entry[0])
          .append("</id><title>Note</title><link href=\"https://load.example/notes/")
          .append(entry[0])
          .append("\"/><updated>")
          .append(now)
          .append("</updated><author><name>Load</name></author>")
          .append("<content type=\"text\">")
          .append(entry[1])
          .append("</content></entry>");
    }
    return xml.append("</feed>").toString();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void topic(HttpExchange exchange) throws IOException {
    respond(exchange, 200, "application/atom+xml", feed(java.util.List.of()));
  }

  /** Takes the subscription request, then verifies it with the subscriber as a hub must. */
  private void hub(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    respond(exchange, 202, "text/plain", "");
    Thread.ofVirtual().start(() -> verify(form));
  }

  private void verify(Map<String, String> form) {
    String challenge = UUID.randomUUID().toString();
    try {
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          form.get("hub.callback")
                              + "?hub.mode=subscribe&hub.topic="
                              + URLEncoder.encode(form.get("hub.topic"), StandardCharsets.UTF_8)
                              + "&hub.challenge="
                              + challenge
                              + "&hub.lease_seconds=3600"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200 && answer.body().equals(challenge)) {
        subscribed.complete(new Subscription(form.get("hub.callback"), form.get("hub.secret")));
      } else {
        subscribed.completeExceptionally(
            new IllegalStateException("the subscriber answered " + answer.statusCode()));
      }
    } catch (IOException | InterruptedException e) {
      subscribed.completeExceptionally(e);
    }
  }

  /** A blog post with an h-entry that links to the Webmention target. */
  private void page(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/page/".length());
    String text = pages.get(id);
    if (text == null) {
      respond(exchange, 404, "text/plain", "no such page");
      return;
    }
    respond(
        exchange,
        200,
        "text/html; charset=utf-8",
        "<html><body><article class=\"h-entry\"><div class=\"e-content\"><p>"
            + text
            + " <a href=\""
            + TARGET
            + "\">launch</a></p></div></article></body></html>");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
