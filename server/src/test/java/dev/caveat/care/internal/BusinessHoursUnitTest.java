package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursUnitTest {

  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  /** Monday to Friday, 09:00 to 17:00 in Berlin. */
  private static final BusinessHours BERLIN =
      new BusinessHours(
          WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Europe/Berlin"));

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void alwaysCountsEveryMinute() {
    assertThat(BusinessHours.ALWAYS.between(at("2026-03-06T22:00:00Z"), at("2026-03-09T01:30:00Z")))
        .isEqualTo(Duration.ofHours(51).plusMinutes(30));
    assertThat(BusinessHours.ALWAYS.after(at("2026-03-06T22:00:00Z"), Duration.ofHours(3)))
        .isEqualTo(at("2026-03-07T01:00:00Z"));
  }

  @Test
  void onlyTheHoursOfBusinessDaysCount() {
    // Wednesday 4 March 2026, Berlin is UTC+1: 10:00 to 16:00 local.
    assertThat(BERLIN.between(at("2026-03-04T09:00:00Z"), at("2026-03-04T15:00:00Z")))
        .isEqualTo(Duration.ofHours(6));
    // Before opening and after closing count nothing: 08:00 to 18:00 local is eight hours.
    assertThat(BERLIN.between(at("2026-03-04T07:00:00Z"), at("2026-03-04T17:00:00Z")))
        .isEqualTo(Duration.ofHours(8));
    // Entirely at night.
    assertThat(BERLIN.between(at("2026-03-04T18:00:00Z"), at("2026-03-05T06:00:00Z")))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aWeekendCountsNothing() {
    // Friday 16:00 local to Monday 10:00 local: one hour on Friday, one on Monday.
    assertThat(BERLIN.between(at("2026-03-06T15:00:00Z"), at("2026-03-09T09:00:00Z")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(BERLIN.between(at("2026-03-07T08:00:00Z"), at("2026-03-08T20:00:00Z")))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aWholeWeekIsFortyHours() {
    assertThat(BERLIN.between(at("2026-03-02T00:00:00Z"), at("2026-03-09T00:00:00Z")))
        .isEqualTo(Duration.ofHours(40));
  }

  @Test
  void nothingPassesBackwardsOrInNoTime() {
    Instant t = at("2026-03-04T10:00:00Z");
    assertThat(BERLIN.between(t, t)).isEqualTo(Duration.ZERO);
    assertThat(BERLIN.between(t, t.minusSeconds(60))).isEqualTo(Duration.ZERO);
  }

  @Test
  void aTargetFallsDueInBusinessTime() {
    // Friday 16:00 local plus two business hours: Monday 10:00 local.
    assertThat(BERLIN.after(at("2026-03-06T15:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(at("2026-03-09T09:00:00Z"));
    // Opened at night: the clock starts at opening, 09:00 local.
    assertThat(BERLIN.after(at("2026-03-04T02:00:00Z"), Duration.ofMinutes(30)))
        .isEqualTo(at("2026-03-04T08:30:00Z"));
    // Exactly a day's hours ends at closing time.
    assertThat(BERLIN.after(at("2026-03-04T08:00:00Z"), Duration.ofHours(8)))
        .isEqualTo(at("2026-03-04T16:00:00Z"));
  }

  @Test
  void afterAndBetweenAgree() {
    Instant from = at("2026-03-05T14:17:00Z");
    for (int minutes : new int[] {1, 59, 60, 480, 481, 2400, 10_000}) {
      Instant due = BERLIN.after(from, Duration.ofMinutes(minutes));
      assertThat(BERLIN.between(from, due))
          .as("%d minutes", minutes)
          .isEqualTo(Duration.ofMinutes(minutes));
    }
  }

  @Test
  void daysFollowTheLocalCalendarAcrossAClockChange() {
    // Berlin moves to summer time on Sunday 29 March 2026; Monday 30 opens at 07:00 UTC.
    assertThat(BERLIN.between(at("2026-03-27T15:00:00Z"), at("2026-03-30T08:00:00Z")))
        .isEqualTo(Duration.ofHours(2));
    // A 24-hour day on the day of the change is 23 hours of real time.
    BusinessHours allDay =
        new BusinessHours(
            EnumSet.of(DayOfWeek.SUNDAY),
            LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT,
            ZoneId.of("Europe/Berlin"));
    assertThat(allDay.between(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z")))
        .isEqualTo(Duration.ofHours(23));
  }

  @Test
  void pausesDoNotCount() {
    Instant from = at("2026-03-04T08:00:00Z"); // Wednesday 09:00 local
    Instant to = at("2026-03-05T16:00:00Z"); // Thursday 17:00 local: 16 business hours
    List<BusinessHours.Span> pauses =
        List.of(
            // 11:00 to 13:00 local Wednesday: two hours.
            new BusinessHours.Span(at("2026-03-04T10:00:00Z"), at("2026-03-04T12:00:00Z")),
            // From Wednesday 16:00 local to Thursday 10:00 local: one hour plus one hour.
            new BusinessHours.Span(at("2026-03-04T15:00:00Z"), at("2026-03-05T09:00:00Z")));
    assertThat(BERLIN.between(from, to, pauses)).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void anOpenPauseLastsUntilNowAndAPauseBeforeTheStartIsIgnored() {
    Instant from = at("2026-03-04T08:00:00Z");
    Instant now = at("2026-03-04T14:00:00Z"); // six business hours
    List<BusinessHours.Span> pauses =
        List.of(
            new BusinessHours.Span(at("2026-03-03T08:00:00Z"), at("2026-03-03T12:00:00Z")),
            new BusinessHours.Span(at("2026-03-04T12:00:00Z"), null));
    assertThat(BERLIN.between(from, now, pauses)).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void hoursMustMakeSense() {
    assertThatThrownBy(
            () ->
                new BusinessHours(
                    WEEKDAYS, LocalTime.of(17, 0), LocalTime.of(9, 0), ZoneOffset.UTC))
        .hasMessageContaining("end after");
    assertThatThrownBy(
            () ->
                new BusinessHours(
                    EnumSet.noneOf(DayOfWeek.class),
                    LocalTime.of(9, 0),
                    LocalTime.of(17, 0),
                    ZoneOffset.UTC))
        .hasMessageContaining("at least one day");
    // Until midnight is allowed: 00:00 as the end is the end of the day.
    assertThat(
            new BusinessHours(WEEKDAYS, LocalTime.of(18, 0), LocalTime.MIDNIGHT, ZoneOffset.UTC)
                .between(at("2026-03-04T17:00:00Z"), at("2026-03-05T03:00:00Z")))
        .isEqualTo(Duration.ofHours(6));
  }

  @Test
  void aDueTimeSkipsTheWaitsOnTheCustomerAndIsUnknownWhileOneLasts() {
    // Opened Friday 16:30 in Berlin with an hour to go: due Monday 09:30.
    Instant opened = at("2026-03-06T15:30:00Z");
    assertThat(BERLIN.after(opened, Duration.ofHours(1), List.of()))
        .isEqualTo(at("2026-03-09T08:30:00Z"));
    // A wait from Friday 16:45 to Monday 10:00 leaves 45 minutes for Monday after 10:00.
    BusinessHours.Span wait =
        new BusinessHours.Span(at("2026-03-06T15:45:00Z"), at("2026-03-09T09:00:00Z"));
    assertThat(BERLIN.after(opened, Duration.ofHours(1), List.of(wait)))
        .isEqualTo(at("2026-03-09T09:45:00Z"));
    // The same with the wait still going on: nothing is due until the customer writes.
    BusinessHours.Span open = new BusinessHours.Span(at("2026-03-06T15:45:00Z"), null);
    assertThat(BERLIN.after(opened, Duration.ofHours(1), List.of(open))).isNull();
    // A wait that begins after the target is reached changes nothing.
    BusinessHours.Span later = new BusinessHours.Span(at("2026-03-09T12:00:00Z"), null);
    assertThat(BERLIN.after(opened, Duration.ofHours(1), List.of(later)))
        .isEqualTo(at("2026-03-09T08:30:00Z"));
    // Waits before the start, and out of order, count only where they overlap.
    BusinessHours.Span before =
        new BusinessHours.Span(at("2026-03-06T10:00:00Z"), at("2026-03-06T15:40:00Z"));
    BusinessHours.Span monday =
        new BusinessHours.Span(at("2026-03-09T08:00:00Z"), at("2026-03-09T08:20:00Z"));
    assertThat(BERLIN.after(opened, Duration.ofHours(1), List.of(monday, before)))
        .isEqualTo(at("2026-03-09T09:00:00Z"));
  }

  @Test
  void aDueTimeAgreesWithTheBusinessTimeUsedUpToIt() {
    List<BusinessHours.Span> waits =
        List.of(
            new BusinessHours.Span(at("2026-03-04T10:00:00Z"), at("2026-03-05T13:17:00Z")),
            new BusinessHours.Span(at("2026-03-09T09:00:00Z"), at("2026-03-09T09:05:00Z")));
    Instant from = at("2026-03-03T14:12:00Z");
    for (int minutes = 1; minutes < 60 * 30; minutes += 37) {
      Duration amount = Duration.ofMinutes(minutes);
      Instant due = BERLIN.after(from, amount, waits);
      assertThat(BERLIN.between(from, due, waits)).as("%s", amount).isEqualTo(amount);
    }
  }
}
