package dev.caveat.source.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of the Standard Webhooks specification: HMAC-SHA256 over {@code id.timestamp.body}
 * with a {@code whsec_} secret, sent as {@code webhook-signature: v1,<base64>} (several may be
 * listed, space-separated, while a secret is rotated). Old timestamps are refused, which bounds
 * replays; the delivery id makes repeats harmless anyway.
 */
final class StandardWebhooks {

  static final String PREFIX = "whsec_";
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StandardWebhooks() {}

  static String newSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** Why the delivery is not authentic, or null when it is. */
  static String problem(
      String secret, String id, String timestamp, String signatures, byte[] body, Instant now) {
    if (id == null || timestamp == null || signatures == null) {
      return "send webhook-id, webhook-timestamp and webhook-signature headers";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return "webhook-timestamp must be whole seconds since 1970";
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
      return "webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now";
    }
    byte[] expected = sign(secret, id, timestamp.strip(), body);
    for (String candidate : signatures.strip().split("\\s+")) {
      int comma = candidate.indexOf(',');
      if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(candidate.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return null;
      }
    }
    return "no webhook-signature matches the body";
  }

  static byte[] sign(String secret, String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
