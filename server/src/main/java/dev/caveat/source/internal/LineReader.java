package dev.caveat.source.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-separated lines and knows the byte offset after each, so a reader can resume
 * exactly where the last stored line ended. A line longer than the cap is skipped whole and
 * reported, not held in memory.
 */
final class LineReader implements AutoCloseable {

  /** One line, or the news that it was too long; {@code end} is the offset just past it. */
  record Line(String text, boolean tooLong, long end) {}

  private final InputStream in;
  private final int maxLineBytes;
  private long offset;

  LineReader(InputStream in, long startOffset, int maxLineBytes) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.offset = startOffset;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    int b;
    boolean any = false;
    while ((b = in.read()) != -1) {
      any = true;
      offset++;
      if (b == '\n') {
        break;
      }
      if (line.size() < maxLineBytes) {
        line.write(b);
      } else {
        tooLong = true;
      }
    }
    if (!any) {
      return null;
    }
    String text = tooLong ? null : line.toString(StandardCharsets.UTF_8).stripTrailing();
    return new Line(text, tooLong, offset);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
