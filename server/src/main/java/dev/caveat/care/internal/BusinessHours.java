package dev.caveat.care.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The hours in which SLA time counts: the same span of local time on some days of the week, in a
 * time zone. An {@code end} of 00:00 means midnight at the end of the day, so {@link #ALWAYS}
 * (every day, 00:00 to 00:00) counts all time. Days follow the zone's calendar: a 09:00–17:00 day
 * on the day clocks change is still eight hours of wall time, however long it lasts in real time.
 *
 * <p>Pure arithmetic, no clock of its own: callers give the instants.
 */
record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

  static final BusinessHours ALWAYS =
      new BusinessHours(
          EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneOffset.UTC);

  /** A stretch of time, such as a wait on the customer; an open one has no end yet. */
  record Span(Instant from, Instant to) {}

  /** How far {@link #after} looks ahead, a hundred years: further than any target it is given. */
  private static final int HORIZON_DAYS = 36_525;

  BusinessHours {
    Objects.requireNonNull(zone, "zone");
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    if (days.isEmpty()) {
      throw new IllegalArgumentException("business hours need at least one day");
    }
    if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
      throw new IllegalArgumentException("business hours must end after they start");
    }
  }

  /** The business time between two instants; none when {@code to} is not after {@code from}. */
  Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (equals(ALWAYS)) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      if (!days.contains(day.getDayOfWeek())) {
        continue;
      }
      Instant open = max(opens(day), from);
      Instant close = min(closes(day), to);
      if (close.isAfter(open)) {
        total = total.plus(Duration.between(open, close));
      }
    }
    return total;
  }

  /**
   * The business time between two instants, less what of it fell in the pauses. Pauses must not
   * overlap one another; an open pause lasts until {@code to}.
   */
  Duration between(Instant from, Instant to, List<Span> pauses) {
    Duration total = between(from, to);
    for (Span pause : pauses) {
      Instant pauseEnd = pause.to() == null ? to : pause.to();
      total = total.minus(between(max(pause.from(), from), min(pauseEnd, to)));
    }
    return total.isNegative() ? Duration.ZERO : total;
  }

  /** The instant at which {@code amount} of business time has passed since {@code from}. */
  Instant after(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    if (equals(ALWAYS)) {
      return from.plus(amount);
    }
    Duration left = amount;
    LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
    for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
      if (!days.contains(day.getDayOfWeek())) {
        continue;
      }
      Instant open = max(opens(day), from);
      Instant close = closes(day);
      if (!close.isAfter(open)) {
        continue;
      }
      Duration length = Duration.between(open, close);
      if (length.compareTo(left) >= 0) {
        return open.plus(left);
      }
      left = left.minus(length);
    }
    throw new IllegalStateException("no business time within " + HORIZON_DAYS + " days");
  }

  /**
   * The instant at which {@code amount} of business time outside the pauses has passed since {@code
   * from}: when a running SLA clock falls due. Null when an open pause begins before then, for time
   * stands still until it ends. Pauses must not overlap one another.
   */
  Instant after(Instant from, Duration amount, List<Span> pauses) {
    Instant cursor = from;
    Duration left = amount;
    List<Span> ordered = pauses.stream().sorted(Comparator.comparing(Span::from)).toList();
    for (Span pause : ordered) {
      if (pause.to() != null && !pause.to().isAfter(cursor)) {
        continue;
      }
      Instant due = after(cursor, left);
      if (!due.isAfter(pause.from())) {
        return due;
      }
      if (pause.to() == null) {
        return null;
      }
      left = left.minus(between(cursor, pause.from()));
      cursor = max(cursor, pause.to());
    }
    return after(cursor, left);
  }

  private Instant opens(LocalDate day) {
    return day.atTime(start).atZone(zone).toInstant();
  }

  private Instant closes(LocalDate day) {
    return end.equals(LocalTime.MIDNIGHT)
        ? day.plusDays(1).atStartOfDay(zone).toInstant()
        : day.atTime(end).atZone(zone).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
