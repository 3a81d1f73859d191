package dev.caveat.source.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events (the {@code text/event-stream} format) one event at a time. An event
 * whose data passes the cap is not kept; the reader hears only that it was too large, its start and
 * its length. Comments, which servers send as heartbeats, count as signs of life.
 */
final class ServerSentEvents {

  /**
   * One event. When it was {@code tooLarge}, {@code data} is null and {@code start} holds its first
   * few kilobytes, to tell it from others.
   */
  record Event(String type, String data, boolean tooLarge, String start, long bytes) {}

  private final InputStream in;
  private final int maxBytes;
  private final Runnable alive;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  ServerSentEvents(InputStream in, int maxBytes, Runnable alive) {
    this.in = new BufferedInputStream(in, 16 * 1024);
    this.maxBytes = maxBytes;
    this.alive = alive;
  }

  /** The next event with data, or null when the stream ends. */
  Event next() throws IOException {
    String type = null;
    StringBuilder data = null;
    long bytes = 0;
    boolean tooLarge = false;
    while (true) {
      long lineBytes = readLine();
      if (lineBytes < 0) {
        return null;
      }
      alive.run();
      String text = line.toString(StandardCharsets.UTF_8);
      if (lineBytes == 0) {
        if (data != null) {
          return tooLarge
              ? new Event(type, null, true, data.toString(), bytes)
              : new Event(type, data.toString(), false, null, bytes);
        }
        type = null;
        continue;
      }
      int colon = text.indexOf(':');
      String field = colon < 0 ? text : text.substring(0, colon);
      int valueAt = colon < 0 ? text.length() : colon + (text.startsWith(" ", colon + 1) ? 2 : 1);
      String value = text.substring(valueAt);
      if (field.equals("event")) {
        type = value;
      } else if (field.equals("data")) {
        if (data == null) {
          data = new StringBuilder();
        } else {
          data.append('\n');
          bytes++;
        }
        data.append(value);
        bytes += lineBytes - valueAt;
        if (bytes > maxBytes) {
          tooLarge = true;
          data.setLength(Math.min(data.length(), 4096));
        }
      }
    }
  }

  /**
   * Reads one line, ending in LF or CRLF, into {@link #line}, keeping no more than the cap; returns
   * its whole length in bytes, or -1 at the end of the stream. (A lone CR also ends a line in the
   * format; no server we read sends one.)
   */
  private long readLine() throws IOException {
    line.reset();
    long length = 0;
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return length;
      }
      if (b == '\r') {
        continue;
      }
      length++;
      if (line.size() <= maxBytes) {
        line.write(b);
      }
    }
    return length == 0 ? -1 : length;
  }
}
