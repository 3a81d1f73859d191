package dev.caveat.core.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds and pages carry: RFC 3339 / ISO 8601 (Atom, dc:date, microformats) and RFC
 * 822 (RSS), forgiving the sloppy variants seen in the wild: single-digit days and hours, full day
 * and month names, missing seconds, two-digit years, named US zones. A date without any zone is
 * taken as UTC, since that is what most such publishers mean.
 */
public final class WebDates {

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?)?",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern RFC_822 =
      Pattern.compile(
          "(?:[a-z]{2,9}\\.?,?\\s*)?(\\d{1,2})[\\s-]+([a-z]{3,9})\\.?[\\s-]+(\\d{2,4})"
              + "\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?:\\.\\d+)?\\s*(.*)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})?");

  private static final Map<String, Integer> ZONE_HOURS =
      Map.ofEntries(
          Map.entry("", 0),
          Map.entry("Z", 0),
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("EST", -5),
          Map.entry("EDT", -4),
          Map.entry("CST", -6),
          Map.entry("CDT", -5),
          Map.entry("MST", -7),
          Map.entry("MDT", -6),
          Map.entry("PST", -8),
          Map.entry("PDT", -7),
          Map.entry("CET", 1),
          Map.entry("CEST", 2));

  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

  private WebDates() {}

  /** The instant the text names, or empty when it is not a date in either family. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.length() > 100) {
      return Optional.empty();
    }
    Matcher iso = ISO.matcher(value);
    if (iso.matches()) {
      return iso(iso);
    }
    Matcher rfc = RFC_822.matcher(value);
    return rfc.matches() ? rfc822(rfc) : Optional.empty();
  }

  private static Optional<Instant> iso(Matcher m) {
    String hour = m.group(4);
    String fraction = m.group(7) == null ? "0" : m.group(7);
    return instant(
            number(m.group(1)),
            number(m.group(2)),
            number(m.group(3)),
            hour == null ? 0 : number(hour),
            hour == null ? 0 : number(m.group(5)),
            m.group(6) == null ? 0 : number(m.group(6)),
            m.group(8) == null ? "" : m.group(8))
        .map(at -> at.plusNanos(number((fraction + "00000000").substring(0, 9))));
  }

  private static Optional<Instant> rfc822(Matcher m) {
    String name = m.group(2).toLowerCase(Locale.ROOT);
    int month = MONTHS.indexOf(name.substring(0, 3));
    if (month < 0 || month % 3 != 0) {
      return Optional.empty();
    }
    return instant(
        year(m.group(3)),
        month / 3 + 1,
        number(m.group(1)),
        number(m.group(4)),
        number(m.group(5)),
        m.group(6) == null ? 0 : number(m.group(6)),
        m.group(7).strip());
  }

  /** RFC 2822's reading of short years: 00-49 are this century, 50-99 and three digits the last. */
  private static int year(String digits) {
    int year = number(digits);
    if (digits.length() == 2) {
      return year < 50 ? 2000 + year : 1900 + year;
    }
    return digits.length() == 3 ? 1900 + year : year;
  }

  private static Optional<Instant> instant(
      int year, int month, int day, int hour, int minute, int second, String zone) {
    try {
      Optional<ZoneOffset> offset = offset(zone);
      if (offset.isEmpty()) {
        return Optional.empty();
      }
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
      return Optional.of(local.toInstant(offset.get()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<ZoneOffset> offset(String zone) {
    String upper = zone.toUpperCase(Locale.ROOT);
    Integer hours = ZONE_HOURS.get(upper);
    if (hours != null) {
      return Optional.of(ZoneOffset.ofHours(hours));
    }
    Matcher m = OFFSET.matcher(upper.startsWith("GMT") ? upper.substring(3) : upper);
    if (!m.matches()) {
      return Optional.empty();
    }
    int sign = m.group(1).equals("-") ? -1 : 1;
    int minutes = m.group(3) == null ? 0 : number(m.group(3));
    return Optional.of(ZoneOffset.ofHoursMinutes(sign * number(m.group(2)), sign * minutes));
  }

  private static int number(String digits) {
    return Integer.parseInt(digits);
  }
}
