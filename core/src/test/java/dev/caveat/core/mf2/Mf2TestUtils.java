package dev.caveat.core.mf2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixtures for microformats tests: files under fixtures/mf2 and pages made on the fly. */
final class Mf2TestUtils {

  private Mf2TestUtils() {}

  static byte[] fixture(String name) {
    try (InputStream in = Mf2TestUtils.class.getResourceAsStream("/fixtures/mf2/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] html(String body) {
    return ("<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A plain entry, then one whose author h-card nests {@code depth} h-cards deep. */
  static byte[] deeplyNestedAuthors(int depth) {
    return html(
        "<div class=\"h-feed\">"
            + "<article class=\"h-entry\"><a class=\"u-url\" href=\"/plain\">x</a>"
            + "<p class=\"e-content\">A plain entry</p></article>"
            + "<article class=\"h-entry\"><a class=\"u-url\" href=\"/deep\">x</a>"
            + "<p class=\"e-content\">A deep entry</p>"
            + "<div class=\"p-author h-card\">".repeat(depth)
            + "Someone"
            + "</div>".repeat(depth)
            + "</article></div>");
  }

  /** An endless page: a head, then the filler repeated until {@code total} bytes are served. */
  static final class GeneratedPage extends InputStream {
    private final byte[] head;
    private final byte[] filler;
    private final long total;
    private long served;

    GeneratedPage(String head, String filler, long total) {
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.filler = filler.getBytes(StandardCharsets.UTF_8);
      this.total = total;
    }

    long served() {
      return served;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int n = 0;
      while (n < length && served < total) {
        buffer[offset + n++] =
            served < head.length
                ? head[(int) served]
                : filler[(int) ((served - head.length) % filler.length)];
        served++;
      }
      return n == 0 && length > 0 ? -1 : n;
    }
  }
}
