package dev.caveat.care.internal;

import dev.caveat.platform.ApiException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLA policy as the settings page's form holds it: targets as a person writes them ("1h 30m",
 * "2d", or ISO-8601 "PT4H"), and business hours only when {@code hours} is {@code business}.
 */
record SlaPolicyForm(
    String firstResponse,
    String nextResponse,
    String resolution,
    String warnAt,
    String hours,
    List<String> days,
    String start,
    String end,
    String timeZone) {

  static final List<String> DAYS =
      List.of(DayOfWeek.values()).stream().map(SlaPolicyForm::code).toList();

  static final SlaPolicyForm BLANK =
      new SlaPolicyForm(
          "",
          "",
          "",
          String.valueOf(SlaSetup.DEFAULT_WARN_PERCENT),
          "always",
          DAYS.subList(0, 5),
          "09:00",
          "17:00",
          "UTC");

  private static final Pattern WORDS =
      Pattern.compile(
          "(?:(\\d{1,6})\\s*d)?\\s*(?:(\\d{1,6})\\s*h)?\\s*(?:(\\d{1,6})\\s*m(?:in)?)?",
          Pattern.CASE_INSENSITIVE);

  SlaPolicyForm {
    days = days == null ? List.of() : List.copyOf(days);
  }

  static SlaPolicyForm of(SlaPolicies.Policy p) {
    BusinessHours h = p.hours();
    return new SlaPolicyForm(
        words(p.firstResponse()),
        words(p.nextResponse()),
        words(p.resolution()),
        String.valueOf(p.warnAtPercent()),
        h == null ? "always" : "business",
        h == null ? BLANK.days() : h.days().stream().sorted().map(SlaPolicyForm::code).toList(),
        h == null ? BLANK.start() : h.start().toString(),
        h == null ? BLANK.end() : h.end().toString(),
        h == null ? BLANK.timeZone() : h.zone().getId());
  }

  /** The request the API would take, or a 400 that says which field to fix and how. */
  SlaSetup.PolicyRequest request() {
    Integer percent;
    try {
      percent = warnAt == null || warnAt.isBlank() ? null : Integer.valueOf(warnAt.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("warnAt must be a percentage between 1 and 99");
    }
    return new SlaSetup.PolicyRequest(
        iso(firstResponse, "firstResponse"),
        iso(nextResponse, "nextResponse"),
        iso(resolution, "resolution"),
        percent,
        "business".equals(hours) ? new SlaSetup.HoursRequest(days, start, end, timeZone) : null);
  }

  /** "4h", "1h 30m", "2d" or "PT4H" as ISO-8601; blank stays blank (no target). */
  static String iso(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String given = text.strip();
    if (given.toUpperCase(Locale.ROOT).startsWith("P")) {
      return given;
    }
    Matcher m = WORDS.matcher(given);
    if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
      throw ApiException.badRequest(
          field + " must be a time such as 4h, 30m or 1d 2h, not \"" + given + "\"");
    }
    Duration d =
        Duration.ofDays(number(m.group(1)))
            .plusHours(number(m.group(2)))
            .plusMinutes(number(m.group(3)));
    return d.toString();
  }

  /** A message about the API's fields in the words the form uses. */
  static String sentence(String message) {
    return SettingsPages.sentence(
        message
            .replace("firstResponse", "first response")
            .replace("nextResponse", "next response")
            .replace("warnAt", "warning at")
            .replace("businessHours.timeZone", "the time zone")
            .replace("businessHours.start", "the start of the day")
            .replace("businessHours.end", "the end of the day")
            .replace("businessHours.days", "business days")
            .replace(
                "an ISO-8601 duration of business time, such as \"PT4H\" or \"PT30M\"",
                "a time such as 4h or 30m"));
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static String words(Duration d) {
    return d == null ? "" : SlaEvaluator.words(d);
  }

  private static String code(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
