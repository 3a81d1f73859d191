package dev.caveat.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who is writing a reply to which case right now, from the heartbeats their reply boxes send while
 * they type. A rep who sends no beat for {@link #EXPIRY} has stopped. Kept in memory only: it is
 * worth a warning, not a record, and is gone after a restart within the same half minute anyway.
 */
@Component
class ReplyingNow {

  static final Duration EXPIRY = Duration.ofSeconds(30);

  /** A rep replying to a case: who, since when, and their latest beat. */
  record Replier(UUID id, String name, Instant since, Instant lastBeat) {}

  private record Key(long caseId, UUID rep) {}

  private final Map<Key, Replier> beats = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile Instant swept = Instant.MIN;

  ReplyingNow(Clock clock) {
    this.clock = clock;
  }

  /** The rep's reply box is open and they are typing; a beat after a gap starts a new stretch. */
  void beat(long caseId, UUID rep, String name) {
    Instant now = clock.instant();
    beats.compute(
        new Key(caseId, rep),
        (key, before) ->
            new Replier(
                rep, name, before == null || expired(before, now) ? now : before.since(), now));
    sweep(now);
  }

  /** The rep sent their reply or closed the box. */
  void stopped(long caseId, UUID rep) {
    beats.remove(new Key(caseId, rep));
  }

  /** The reps other than {@code except} replying to the case now, longest replying first. */
  List<Replier> others(long caseId, UUID except) {
    Instant now = clock.instant();
    return beats.entrySet().stream()
        .filter(e -> e.getKey().caseId() == caseId && !e.getKey().rep().equals(except))
        .map(Map.Entry::getValue)
        .filter(r -> !expired(r, now))
        .sorted(Comparator.comparing(Replier::since).thenComparing(Replier::name))
        .toList();
  }

  /** Forgets stopped beats now and then, so the map holds only reps typing now. */
  private void sweep(Instant now) {
    if (swept.plus(EXPIRY).isAfter(now)) {
      return;
    }
    swept = now;
    beats.values().removeIf(r -> expired(r, now));
  }

  private static boolean expired(Replier r, Instant now) {
    return !r.lastBeat().plus(EXPIRY).isAfter(now);
  }
}
