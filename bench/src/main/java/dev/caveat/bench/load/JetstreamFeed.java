package dev.caveat.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Bluesky Jetstream stand-in for the load run: a WebSocket server (RFC 6455, server side only,
 * text frames out) on loopback that Caveat's jetstream source connects to, and that the driver
 * writes commit messages into.
 */
final class JetstreamFeed implements AutoCloseable {

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final CountDownLatch connected = new CountDownLatch(1);
  private volatile Socket client;
  private volatile OutputStream out;

  JetstreamFeed() throws IOException {
    server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("jetstream-feed").start(this::acceptOne);
  }

  String url() {
    return "ws://127.0.0.1:" + server.getLocalPort() + "/subscribe";
  }

  boolean awaitClient(long seconds) throws InterruptedException {
    return connected.await(seconds, TimeUnit.SECONDS);
  }

  /** A post as Jetstream announces it: a commit creating an app.bsky.feed.post record. */
  static String postMessage(long timeUs, String rkey, String text) {
    return "{\"did\":\"did:plc:loadrun\",\"time_us\":"
        + timeUs
        + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r"
        + timeUs
        + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
        + rkey
        + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\""
        + text
        + "\",\"langs\":[\"en\"]}}}";
  }

  synchronized void send(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    OutputStream stream = out;
    stream.write(0x81);
    if (payload.length < 126) {
      stream.write(payload.length);
    } else if (payload.length < 65_536) {
      stream.write(126);
      stream.write(payload.length >>> 8);
      stream.write(payload.length & 0xff);
    } else {
      stream.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        stream.write((int) ((long) payload.length >>> shift) & 0xff);
      }
    }
    stream.write(payload);
  }

  synchronized void flush() throws IOException {
    out.flush();
  }

  private void acceptOne() {
    try {
      Socket socket = server.accept();
      socket.setTcpNoDelay(true);
      BufferedReader request =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String key = null;
      for (String line = request.readLine(); line != null && !line.isEmpty(); ) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
          key = line.substring(colon + 1).trim();
        }
        line = request.readLine();
      }
      OutputStream stream = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      stream.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + accept(key)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      stream.flush();
      client = socket;
      out = stream;
      connected.countDown();
      // Whatever the client sends (a close at the end) is read and dropped.
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException closed) {
      // The run is over.
    }
  }

  private static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (client != null) {
      client.close();
    }
    server.close();
  }
}
