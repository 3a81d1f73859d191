package dev.caveat.core.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixtures for feed tests: files under fixtures/feed and hostile bodies made on the fly. */
final class FeedTestUtils {

  private FeedTestUtils() {}

  static byte[] fixture(String name) {
    try (InputStream in = FeedTestUtils.class.getResourceAsStream("/fixtures/feed/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** An RSS feed whose channel holds elements nested {@code depth} deep. */
  static byte[] nestedElements(int depth) {
    StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Deep</title>");
    xml.append("<x>".repeat(depth)).append("bottom").append("</x>".repeat(depth));
    return utf8(xml.append("</channel></rss>").toString());
  }

  /**
   * A body of {@code total} bytes made as it is read, never held in memory: a feed head, then the
   * filler repeated, then the feed's tail. It counts what the parser actually pulled from it.
   */
  static final class GeneratedFeed extends InputStream {
    private final byte[] head;
    private final byte[] filler;
    private final byte[] tail;
    private final long fillerBytes;
    private long served;

    GeneratedFeed(String head, String filler, String tail, long total) {
      this.head = utf8(head);
      this.filler = utf8(filler);
      this.tail = utf8(tail);
      this.fillerBytes = total - this.head.length - this.tail.length;
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
      while (n < length) {
        int b = byteAt(served);
        if (b < 0) {
          break;
        }
        buffer[offset + n++] = (byte) b;
        served++;
      }
      return n == 0 && length > 0 ? -1 : n;
    }

    private int byteAt(long position) {
      if (position < head.length) {
        return head[(int) position] & 0xff;
      }
      long inFiller = position - head.length;
      if (inFiller < fillerBytes) {
        return filler[(int) (inFiller % filler.length)] & 0xff;
      }
      long inTail = inFiller - fillerBytes;
      return inTail < tail.length ? tail[(int) inTail] & 0xff : -1;
    }
  }
}
