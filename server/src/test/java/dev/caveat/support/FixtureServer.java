package dev.caveat.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.2 serving recorded fixtures. The test hosts file maps
 * public.example to it, so it can pose as a public host.
 */
public final class FixtureServer implements AutoCloseable {

  public static final String PUBLIC_HOST = "public.example";

  private final HttpServer server;
  private final CountDownLatch released = new CountDownLatch(1);

  public FixtureServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The address of a path under the public-looking name. */
  public URI uri(String path) {
    return URI.create("http://" + PUBLIC_HOST + ":" + port() + path);
  }

  public void route(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  public void text(String path, int status, String contentType, String body) {
    route(path, exchange -> respond(exchange, status, Map.of("Content-Type", contentType), body));
  }

  public void redirect(String path, String location) {
    route(path, exchange -> respond(exchange, 302, Map.of("Location", location), ""));
  }

  /** Sends headers and a first chunk, then holds the connection open until the server closes. */
  public void stall(String path) {
    route(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write("<rss><channel>".getBytes(StandardCharsets.UTF_8));
          body.flush();
          try {
            released.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
  }

  /** Streams {@code bytes} bytes of filler for as long as the client keeps reading. */
  public void endless(String path, long bytes) {
    route(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = "<item>padding</item>\n".repeat(3_000).getBytes(StandardCharsets.UTF_8);
          try (OutputStream body = exchange.getResponseBody()) {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
              body.write(chunk);
            }
          } catch (IOException clientGaveUp) {
            // The client hung up at its cap, as it should.
          }
        });
  }

  public static void respond(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
