package dev.caveat.relay.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What a received mail says: who sent it, its subject and Message-ID, and its text split into what
 * the sender wrote and the mail they quoted ({@code >} lines, and everything from "On … wrote:"
 * down). Plain text is preferred; HTML is read as text, its blockquotes as quoted.
 */
final class MailText {

  /** A mail read as far as it could be. */
  record Read(
      String from,
      String subject,
      String messageId,
      String text,
      String quoted,
      boolean automatic) {}

  /** A mail with nothing readable in it. */
  static final class Unreadable extends Exception {

    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  static final int MAX_TEXT = 20_000;
  private static final int MAX_DEPTH = 8;

  /** The line that introduces a quoted mail, in the languages Caveat reads. */
  private static final List<Pattern> ATTRIBUTION =
      List.of(
          Pattern.compile("^On\\s.+\\swrote:\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^Le\\s.+\\sa\\s+écrit\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^Am\\s.+\\sschrieb\\s.*:\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^Op\\s.+\\sschreef\\s.*:\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^El\\s.+\\sescribió\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^-{2,}\\s*Original Message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE));

  private MailText() {}

  static Read read(byte[] raw) throws Unreadable {
    try {
      MimeMessage message =
          new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      String subject = safeSubject(message);
      String messageId = message.getMessageID();
      List<String> parts = new ArrayList<>(2);
      collect(message, 0, parts);
      String body = parts.isEmpty() ? "" : parts.getFirst();
      String htmlQuoted = parts.size() > 1 ? parts.get(1) : "";
      String[] split = split(body);
      String text = cap(split[0]);
      String quoted = cap((split[1] + "\n" + htmlQuoted).strip());
      if (text.isBlank() && (subject == null || subject.isBlank())) {
        throw new Unreadable("the mail has no readable text");
      }
      String auto = message.getHeader("Auto-Submitted", null);
      return new Read(
          sender(message),
          subject,
          messageId == null || messageId.isBlank() ? digest(raw) : messageId.strip(),
          text,
          quoted,
          auto != null && !auto.strip().equalsIgnoreCase("no"));
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new Unreadable("the mail cannot be read: " + e.getMessage());
    }
  }

  /**
   * Splits plain text into what was written and what was quoted.
   *
   * @return the written text and the quoted text
   */
  static String[] split(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder written = new StringBuilder();
    StringBuilder quoted = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean attribution = attribution(line.strip());
      // Mail programs wrap a long attribution: "On Tue, … Northwind <" / "case-…> wrote:".
      if (!attribution && i + 1 < lines.length && !line.isBlank()) {
        attribution = attribution((line.strip() + " " + lines[i + 1].strip()));
      }
      if (attribution) {
        for (int j = i; j < lines.length; j++) {
          quoted.append(lines[j]).append('\n');
        }
        break;
      }
      if (line.startsWith(">")) {
        quoted.append(line).append('\n');
      } else {
        written.append(line).append('\n');
      }
    }
    return new String[] {written.toString().strip(), quoted.toString().strip()};
  }

  private static boolean attribution(String line) {
    for (Pattern pattern : ATTRIBUTION) {
      if (pattern.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The first plain-text part, else the first HTML part as text; for HTML, its quotes after. */
  private static void collect(Part part, int depth, List<String> found)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH || !found.isEmpty()) {
      return;
    }
    if (part.isMimeType("text/plain")) {
      found.add(content(part));
    } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount() && found.isEmpty(); i++) {
        BodyPart child = multi.getBodyPart(i);
        if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
          collect(child, depth + 1, found);
        }
      }
      for (int i = 0; i < multi.getCount() && found.isEmpty(); i++) {
        if (multi.getBodyPart(i).isMimeType("text/html")) {
          collect(multi.getBodyPart(i), depth + 1, found);
        }
      }
    } else if (part.isMimeType("text/html")) {
      Document html = Jsoup.parse(content(part));
      String quoted = html.select("blockquote, .gmail_quote").text();
      html.select("blockquote, .gmail_quote").remove();
      html.select("br").after("\n");
      html.select("p, div, li, tr, h1, h2, h3").before("\n");
      found.add(html.body() == null ? "" : html.body().wholeText());
      found.add(quoted);
    }
  }

  /** A text part's content, in its charset, or as UTF-8 when the charset is unknown. */
  private static String content(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String text) {
        return text;
      }
    } catch (IOException unknownCharset) {
      // Read the bytes below.
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(MAX_TEXT * 4), StandardCharsets.UTF_8);
    }
  }

  private static String safeSubject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String sender(MimeMessage message) {
    try {
      Address[] from = message.getFrom();
      if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
        return address.getAddress() == null ? null : address.getAddress().toLowerCase(Locale.ROOT);
      }
    } catch (MessagingException malformed) {
      // The envelope's sender stands in.
    }
    return null;
  }

  private static String cap(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }

  /** A stand-in Message-ID for a mail without one: the same mail has the same digest. */
  private static String digest(byte[] raw) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
