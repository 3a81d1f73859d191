package dev.caveat.listening.internal;

import dev.caveat.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** An opaque token for "the page after this mention", stable while new mentions arrive. */
final class Cursor {

  private Cursor() {}

  static String encode(Mentions.Position position) {
    String raw = position.postedAt().toString() + "|" + position.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static Mentions.Position decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new Mentions.Position(
          Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ApiException.badRequest("cursor is not one this API gave out; start again without it");
    }
  }
}
