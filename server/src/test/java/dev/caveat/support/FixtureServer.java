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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

  /**
   * Serves server-sent events at {@code path}, as Mastodon's streaming API does: each connection
   * gets the events queued with {@link EventStream#send}, and a heartbeat comment whenever none is
   * waiting, by which a connection the client has left is noticed.
   */
  public EventStream eventStream(String path) {
    EventStream stream = new EventStream();
    route(path, stream::serve);
    return stream;
  }

  /** The events of one path, and what its connections asked for. */
  public final class EventStream {

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();

    /** Queues one event for the open connection, or the next one. */
    public void send(String event, String data) {
      pending.add("event: " + event + "\ndata: " + data + "\n\n");
    }

    /** Ends the connections open now, cleanly, as a restarting server would. */
    public void drop() {
      drops.incrementAndGet();
    }

    /** The query string of every connection so far, in order. */
    public List<String> queries() {
      return List.copyOf(queries);
    }

    public int openConnections() {
      return open.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
      queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
      int generation = drops.get();
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      open.incrementAndGet();
      try (OutputStream body = exchange.getResponseBody()) {
        while (drops.get() == generation && released.getCount() > 0) {
          String event = pending.poll(100, TimeUnit.MILLISECONDS);
          body.write((event != null ? event : ":thump\n").getBytes(StandardCharsets.UTF_8));
          body.flush();
        }
      } catch (IOException clientLeft) {
        // The client closed the stream, as it should when its source is paused.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        open.decrementAndGet();
      }
    }
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
