package dev.caveat.core.feed;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the document's encoding from its byte order mark or XML declaration and decodes strictly.
 * We decode ourselves rather than let the XML parser do it so that bad bytes are reported, not
 * replaced, and so the parser never prints its own errors to stderr.
 */
final class XmlDecoding {

  private static final int HEAD = 1024;
  private static final Pattern DECLARED =
      Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

  private XmlDecoding() {}

  /**
   * Counts the lines it hands on. The decoder hands on every good character before it reports a bad
   * byte, so at that moment the count is the bad byte's line; the parser's own position lags.
   */
  static final class LineCountingReader extends FilterReader {
    private int line = 1;

    private LineCountingReader(Reader in) {
      super(in);
    }

    int line() {
      return line;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      line += c == '\n' ? 1 : 0;
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        line += buffer[i] == '\n' ? 1 : 0;
      }
      return n;
    }
  }

  static LineCountingReader open(BufferedInputStream in) throws IOException, FeedException {
    in.mark(HEAD);
    byte[] head = in.readNBytes(HEAD);
    in.reset();
    Charset charset;
    int bom = 0;
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, 0x00, 0x00, 0xFE)) {
      throw new FeedException(
          FeedException.Kind.INVALID_ENCODING, "the feed is in UTF-32, which Caveat does not read");
    } else if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0x00, 0x3C, 0x00, 0x3F)) {
      charset = StandardCharsets.UTF_16BE;
      bom = head[0] == 0 ? 0 : 2;
    } else if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0x3C, 0x00, 0x3F, 0x00)) {
      charset = StandardCharsets.UTF_16LE;
      bom = head[0] == 0x3C ? 0 : 2;
    } else {
      String ascii = new String(head, StandardCharsets.ISO_8859_1);
      refuseObviousNonFeeds(ascii.strip().toLowerCase(Locale.ROOT));
      charset = declared(ascii);
    }
    in.skipNBytes(bom);
    return new LineCountingReader(
        new InputStreamReader(
            in,
            charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  private static void refuseObviousNonFeeds(String start) throws FeedException {
    if (start.isEmpty()) {
      throw new FeedException(FeedException.Kind.NOT_A_FEED, "the document is empty");
    }
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      throw new FeedException(FeedException.Kind.NOT_A_FEED, FeedParser.HTML_PAGE);
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      throw new FeedException(
          FeedException.Kind.NOT_A_FEED,
          "this is JSON (perhaps a JSON Feed), not an RSS or Atom feed");
    }
  }

  private static Charset declared(String head) throws FeedException {
    Matcher m = DECLARED.matcher(head);
    if (!m.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = m.group(1);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new FeedException(
          FeedException.Kind.INVALID_ENCODING,
          "the feed declares the encoding \"" + name + "\", which Caveat cannot read");
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
