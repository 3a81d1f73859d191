package dev.caveat.source.internal;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Collects a WebSocket's messages for a reader thread, one at a time: the reader asks for the next
 * message only when it has dealt with the last one, so a fast server cannot fill memory. A message
 * past the size cap is not kept; the reader hears only that it was too large.
 */
final class WebSocketInbox implements WebSocket.Listener {

  /** What the reader is told. */
  sealed interface Arrival {}

  record Text(String text) implements Arrival {}

  /** A message past the cap: its start and its length, enough to tell it from others. */
  record TooLarge(String start, long bytes) implements Arrival {}

  record Binary() implements Arrival {}

  record Closed(int status, String reason) implements Arrival {}

  record Failed(Throwable error) implements Arrival {}

  private final int maxBytes;
  private final Runnable alive;
  private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  private final StringBuilder text = new StringBuilder();
  private long textBytes;

  WebSocketInbox(int maxBytes, Runnable alive) {
    this.maxBytes = maxBytes;
    this.alive = alive;
  }

  /** The next message, or null when none came within {@code wait}. */
  Arrival next(Duration wait) throws InterruptedException {
    return arrivals.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    alive.run();
    long bytes = utf8Length(data);
    if (textBytes + bytes <= maxBytes) {
      text.append(data);
    } else if (text.length() > 4096) {
      text.setLength(4096);
    }
    textBytes += bytes;
    if (!last) {
      webSocket.request(1);
      return null;
    }
    arrivals.add(
        textBytes <= maxBytes
            ? new Text(text.toString())
            : new TooLarge(text.toString(), textBytes));
    text.setLength(0);
    textBytes = 0;
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    alive.run();
    if (!last) {
      webSocket.request(1);
      return null;
    }
    arrivals.add(new Binary());
    return null;
  }

  /** The client answers pings itself; both directions show the connection is alive. */
  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    alive.run();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    alive.run();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    arrivals.add(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    arrivals.add(new Failed(error));
  }

  /** Counted rather than encoded: a message is measured without copying it. */
  static long utf8Length(CharSequence chars) {
    long bytes = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        bytes += 2;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
