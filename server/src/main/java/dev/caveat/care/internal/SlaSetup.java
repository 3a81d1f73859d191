package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks SLA policies as the API gives them and keeps them, for the company or for one team. */
@Service
class SlaSetup {

  static final int DEFAULT_WARN_PERCENT = 80;
  static final Duration LONGEST = Duration.ofDays(365);

  record HoursRequest(List<String> days, String start, String end, String timeZone) {}

  record PolicyRequest(
      String firstResponse,
      String nextResponse,
      String resolution,
      Integer warnAt,
      HoursRequest businessHours) {}

  record HoursView(List<String> days, String start, String end, String timeZone) {}

  record PolicyView(
      String team,
      String firstResponse,
      String nextResponse,
      String resolution,
      int warnAt,
      HoursView businessHours) {

    static PolicyView of(SlaPolicies.Policy p) {
      BusinessHours h = p.hours();
      return new PolicyView(
          p.team(),
          iso(p.firstResponse()),
          iso(p.nextResponse()),
          iso(p.resolution()),
          p.warnAtPercent(),
          h == null
              ? null
              : new HoursView(
                  h.days().stream()
                      .sorted()
                      .map(
                          d ->
                              d.getDisplayName(TextStyle.SHORT, Locale.ROOT)
                                  .toLowerCase(Locale.ROOT))
                      .toList(),
                  h.start().toString(),
                  h.end().toString(),
                  h.zone().getId()));
    }

    private static String iso(Duration d) {
      return d == null ? null : d.toString();
    }
  }

  private final SlaPolicies policies;
  private final SlaDueTimes dueTimes;
  private final TeamWork teams;

  SlaSetup(SlaPolicies policies, TeamWork teams, SlaDueTimes dueTimes) {
    this.dueTimes = dueTimes;
    this.policies = policies;
    this.teams = teams;
  }

  @Transactional
  void save(CompanyId company, Long teamId, PolicyRequest request) {
    String team = teamId == null ? null : teams.team(company, teamId).name();
    SlaPolicies.Policy policy =
        new SlaPolicies.Policy(
            team,
            duration(request.firstResponse(), "firstResponse"),
            duration(request.nextResponse(), "nextResponse"),
            duration(request.resolution(), "resolution"),
            warnAt(request.warnAt()),
            hours(request.businessHours()));
    if (policy.firstResponse() == null
        && policy.nextResponse() == null
        && policy.resolution() == null) {
      throw ApiException.badRequest(
          "give at least one of firstResponse, nextResponse and resolution, such as \"PT4H\"");
    }
    policies.save(company, teamId, policy);
    dueTimes.refreshAll(company);
  }

  @Transactional
  void delete(CompanyId company, Long teamId) {
    if (teamId != null) {
      teams.team(company, teamId);
    }
    if (!policies.delete(company, teamId)) {
      throw ApiException.notFound(
          teamId == null
              ? "This company has no SLA policy."
              : "Team " + teamId + " has no SLA policy of its own.");
    }
    dueTimes.refreshAll(company);
  }

  private static Duration duration(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration duration;
    try {
      duration = Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          field + " must be an ISO-8601 duration of business time, such as \"PT4H\" or \"PT30M\"");
    }
    if (duration.toMinutes() < 1 || duration.compareTo(LONGEST) > 0) {
      throw ApiException.badRequest(field + " must be between one minute and 365 days");
    }
    return Duration.ofMinutes(duration.toMinutes());
  }

  private static int warnAt(Integer percent) {
    if (percent == null) {
      return DEFAULT_WARN_PERCENT;
    }
    if (percent < 1 || percent > 99) {
      throw ApiException.badRequest("warnAt must be a percentage between 1 and 99");
    }
    return percent;
  }

  private static BusinessHours hours(HoursRequest request) {
    if (request == null) {
      return null;
    }
    if (request.days() == null || request.days().isEmpty()) {
      throw ApiException.badRequest(
          "businessHours.days must name at least one day, such as \"mon\"");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : request.days()) {
      days.add(day(day));
    }
    LocalTime start = time(request.start(), "businessHours.start");
    LocalTime end = time(request.end(), "businessHours.end");
    ZoneId zone;
    try {
      zone = ZoneId.of(request.timeZone() == null ? "" : request.timeZone().strip());
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          "businessHours.timeZone must be a time zone such as \"Europe/Berlin\" or \"UTC\"");
    }
    if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
      throw ApiException.badRequest(
          "businessHours.end must be after businessHours.start (00:00 means midnight)");
    }
    return new BusinessHours(days, start, end, zone);
  }

  private static DayOfWeek day(String day) {
    String given = day == null ? "" : day.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (given.length() >= 3 && d.name().startsWith(given)) {
        return d;
      }
    }
    throw ApiException.badRequest(
        "businessHours.days must be days of the week such as \"mon\" or \"monday\", not \""
            + day
            + "\"");
  }

  private static LocalTime time(String value, String field) {
    try {
      return LocalTime.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be a time of day such as \"09:00\"");
    }
  }
}
