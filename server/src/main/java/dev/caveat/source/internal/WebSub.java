package dev.caveat.source.internal;

import dev.caveat.platform.PublicAddress;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The subscriber side of W3C WebSub: subscribe at a feed's hub with a callback on this hub and a
 * secret, answer the hub's verification, check each delivery's signature, renew leases before they
 * run out. Polling goes on underneath, more slowly, in case a hub goes quiet.
 */
@Service
class WebSub {

  static final int LEASE_SECONDS = 7 * 24 * 3600;
  private static final Logger log = LoggerFactory.getLogger(WebSub.class);

  private final WebSubSubscriptions subscriptions;
  private final Sources sources;
  private final GuardedHttpClient http;
  private final Clock clock;
  private final PublicAddress publicAddress;

  WebSub(
      WebSubSubscriptions subscriptions,
      Sources sources,
      GuardedHttpClient http,
      Clock clock,
      PublicAddress publicAddress) {
    this.subscriptions = subscriptions;
    this.sources = sources;
    this.http = http;
    this.clock = clock;
    this.publicAddress = publicAddress;
  }

  /** Subscribes unless a live subscription to this hub and topic exists. */
  void ensureSubscribed(Sources.Source source, String hub, String topic) {
    var existing = subscriptions.find(source.id(), hub, topic);
    if (existing.isPresent() && isLive(existing.get())) {
      return;
    }
    subscribe(source.id(), hub, topic);
  }

  private boolean isLive(WebSubSubscriptions.Subscription subscription) {
    Instant now = clock.instant();
    return switch (subscription.state()) {
      case "active" -> subscription.expiresAt() != null && subscription.expiresAt().isAfter(now);
      case "requested" -> subscription.requestedAt().isAfter(now.minus(Duration.ofHours(1)));
      default -> subscription.requestedAt().isAfter(now.minus(Duration.ofDays(1)));
    };
  }

  void subscribe(java.util.UUID sourceId, String hub, String topic) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    WebSubSubscriptions.Subscription subscription =
        subscriptions.request(sourceId, hub, topic, HexFormat.of().formatHex(key), clock.instant());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("hub.callback", callback(subscription));
    form.put("hub.mode", "subscribe");
    form.put("hub.topic", topic);
    boolean renewal = subscription.pendingSecret() != null;
    form.put("hub.secret", renewal ? subscription.pendingSecret() : subscription.secret());
    form.put("hub.lease_seconds", Integer.toString(LEASE_SECONDS));
    try {
      GuardedHttpClient.Response answer =
          http.post(URI.create(hub), Map.of(), "application/x-www-form-urlencoded", encode(form));
      if (answer.status() / 100 != 2) {
        failed(subscription, renewal, "the hub answered " + answer.status());
      }
    } catch (FetchException e) {
      failed(subscription, renewal, e.getMessage());
      log.info("Subscribing source {} at its hub failed: {}", sourceId, e.getMessage());
    }
  }

  /** A failed renewal leaves the subscription live until its lease ends; it is tried again. */
  private void failed(
      WebSubSubscriptions.Subscription subscription, boolean renewal, String error) {
    if (renewal) {
      subscriptions.renewalFailed(subscription.id(), error);
    } else {
      subscriptions.failed(subscription.id(), "failed", error);
    }
  }

  /**
   * The hub checks that we asked: echo its challenge only for a subscription we requested, with the
   * topic we requested.
   *
   * @return the challenge to answer with, or null to refuse
   */
  String verify(
      java.util.UUID id, String mode, String topic, String challenge, String leaseSeconds) {
    var subscription = subscriptions.find(id).orElse(null);
    if (subscription == null || challenge == null || !subscription.topic().equals(topic)) {
      return null;
    }
    if ("denied".equals(mode)) {
      subscriptions.failed(id, "denied", "the hub denied the subscription");
      return challenge;
    }
    if (!"subscribe".equals(mode)) {
      return null;
    }
    int lease = parseLease(leaseSeconds);
    subscriptions.verified(id, lease, clock.instant());
    return challenge;
  }

  /** Checks a delivery's signature; the subscription and source it belongs to when authentic. */
  java.util.Optional<Sources.Source> authenticate(
      java.util.UUID id, String signature, byte[] body) {
    var subscription = subscriptions.find(id).filter(s -> s.state().equals("active"));
    // The secret before the last renewal still counts: deliveries signed with it may be on the way.
    if (subscription.isEmpty()
        || !(signedBy(subscription.get().secret(), signature, body)
            || (subscription.get().previousSecret() != null
                && signedBy(subscription.get().previousSecret(), signature, body)))) {
      return java.util.Optional.empty();
    }
    subscriptions.delivered(id, clock.instant());
    return sources.find(subscription.get().sourceId()).filter(Sources.Source::enabled);
  }

  String topicOf(java.util.UUID id) {
    return subscriptions.find(id).map(WebSubSubscriptions.Subscription::topic).orElse(null);
  }

  @Scheduled(fixedDelayString = "${caveat.websub.renew-tick:1m}")
  void renew() {
    for (var subscription : subscriptions.due(clock.instant())) {
      subscribe(subscription.sourceId(), subscription.hub(), subscription.topic());
    }
  }

  /** X-Hub-Signature: {@code method=hex}; sha1, sha256, sha384 and sha512 are allowed. */
  static boolean signedBy(String secret, String signature, byte[] body) {
    if (signature == null || !signature.contains("=")) {
      return false;
    }
    String method = signature.substring(0, signature.indexOf('=')).toLowerCase(Locale.ROOT);
    String algorithm =
        switch (method) {
          case "sha1" -> "HmacSHA1";
          case "sha256" -> "HmacSHA256";
          case "sha384" -> "HmacSHA384";
          case "sha512" -> "HmacSHA512";
          default -> null;
        };
    if (algorithm == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      byte[] expected = mac.doFinal(body);
      byte[] given =
          HexFormat.of().parseHex(signature.substring(signature.indexOf('=') + 1).strip());
      return MessageDigest.isEqual(expected, given);
    } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
      return false;
    }
  }

  private String callback(WebSubSubscriptions.Subscription subscription) {
    return publicAddress.base() + "/websub/" + subscription.id();
  }

  private static int parseLease(String leaseSeconds) {
    try {
      return leaseSeconds == null
          ? LEASE_SECONDS
          : Math.max(60, Integer.parseInt(leaseSeconds.strip()));
    } catch (NumberFormatException e) {
      return LEASE_SECONDS;
    }
  }

  private static byte[] encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"))
        .getBytes(StandardCharsets.UTF_8);
  }
}
