package dev.caveat.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands where the test puts it, for Caveat started with its time in a test's hand.
 */
public final class MovableClock extends Clock {

  private volatile Instant now = Instant.parse("2026-03-02T08:00:00Z");

  public void set(String instant) {
    now = Instant.parse(instant);
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
