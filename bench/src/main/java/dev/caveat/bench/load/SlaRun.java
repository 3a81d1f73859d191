package dev.caveat.bench.load;

import static dev.caveat.bench.load.InboxShape.MINUTE;

import java.util.List;
import java.util.Random;

/**
 * One run of an SLA target as Caveat's evaluator settles it on its one-minute tick: warned once
 * {@code warnAt} % of the target is used, breached past the target, met when stopped in time; time
 * the case waited on the customer does not count.
 *
 * @param warned when the warning was recorded (the breach's time when it came with the breach)
 * @param breached when the breach was recorded, or null
 * @param met true once a run stopped in time was settled, else null
 */
record SlaRun(Long warned, Long breached, Boolean met) {

  /** {@code stop} is 0 while the run goes on; {@code now} is when the data ends. */
  static SlaRun settle(
      long start, long stop, List<long[]> pauses, long limit, int warnAt, long now, Random random) {
    long until = stop == 0 ? now : stop;
    long warnReached = reach(start, until, pauses, limit * warnAt / 100);
    long breachReached = reach(start, until, pauses, limit);
    // The evaluator notices a change on its next tick.
    long warnNoticed = warnReached > 0 ? warnReached + random.nextInt(60_000) : Long.MAX_VALUE;
    long breachNoticed =
        breachReached > 0 ? breachReached + random.nextInt(60_000) : Long.MAX_VALUE;
    Long warned =
        warnNoticed <= Math.min(until, now) && warnNoticed < breachNoticed ? warnNoticed : null;
    if (breachNoticed <= now) {
      return new SlaRun(warned == null ? breachNoticed : warned, breachNoticed, null);
    }
    boolean met = stop != 0 && stop + random.nextInt(60_000) <= now;
    return new SlaRun(warned, null, met ? Boolean.TRUE : null);
  }

  /**
   * When the time counted from {@code start} reaches {@code amount}, pauses left out; 0 if never.
   */
  static long reach(long start, long until, List<long[]> pauses, long amount) {
    long t = start;
    long left = amount;
    for (long[] pause : pauses) {
      if (pause[1] <= t) {
        continue;
      }
      long runEnd = Math.min(pause[0], until);
      if (runEnd > t) {
        if (runEnd - t > left) {
          return t + left;
        }
        left -= runEnd - t;
      }
      t = Math.max(t, pause[1]);
      if (t >= until) {
        return 0;
      }
    }
    return until - t > left ? t + left : 0;
  }

  /** As the SLA evaluator writes durations: "1h 30m". */
  static String words(long millis) {
    long minutes = millis / MINUTE;
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder s = new StringBuilder();
    if (days > 0) {
      s.append(days).append("d ");
    }
    if (hours > 0) {
      s.append(hours).append("h ");
    }
    if (mins > 0 || s.isEmpty()) {
      s.append(mins).append("m ");
    }
    return s.toString().strip();
  }
}
