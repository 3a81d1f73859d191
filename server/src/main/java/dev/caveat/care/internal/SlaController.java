package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SLA policies of a company and its teams, and how well the teams meet them. */
@RestController
@RequestMapping("/api/v1/companies/{slug}")
class SlaController {

  static final Duration DEFAULT_REPORT_SPAN = Duration.ofDays(30);

  record Policies(SlaSetup.PolicyView company, List<SlaSetup.PolicyView> teams) {}

  private final CompanyAccess access;
  private final SlaSetup setup;
  private final SlaPolicies policies;
  private final SlaReports reports;
  private final Clock clock;

  SlaController(
      CompanyAccess access, SlaSetup setup, SlaPolicies policies, SlaReports reports, Clock clock) {
    this.access = access;
    this.setup = setup;
    this.policies = policies;
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/sla")
  Policies get(Actor actor, @PathVariable String slug) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return policies(company);
  }

  @PutMapping("/sla")
  Policies put(Actor actor, @PathVariable String slug, @RequestBody SlaSetup.PolicyRequest body) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    setup.save(company, null, body);
    return policies(company);
  }

  @DeleteMapping("/sla")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Actor actor, @PathVariable String slug) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    setup.delete(company, null);
  }

  @PutMapping("/teams/{id}/sla")
  Policies putTeam(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @RequestBody SlaSetup.PolicyRequest body) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    setup.save(company, id, body);
    return policies(company);
  }

  @DeleteMapping("/teams/{id}/sla")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteTeam(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    setup.delete(company, id);
  }

  /** Per team and target, over runs that started in [since, until); the last 30 days by default. */
  @GetMapping("/sla/report")
  SlaReports.Report report(
      Actor actor,
      @PathVariable String slug,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String until) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    Instant end = until == null ? clock.instant() : instant(until, "until");
    Instant start = since == null ? end.minus(DEFAULT_REPORT_SPAN) : instant(since, "since");
    if (!end.isAfter(start)) {
      throw ApiException.badRequest("until must be after since");
    }
    return reports.report(company, start, end);
  }

  private Policies policies(CompanyId company) {
    List<SlaPolicies.Policy> all = policies.of(company);
    return new Policies(
        all.stream()
            .filter(p -> p.team() == null)
            .findFirst()
            .map(SlaSetup.PolicyView::of)
            .orElse(null),
        all.stream().filter(p -> p.team() != null).map(SlaSetup.PolicyView::of).toList());
  }

  private static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          field + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }
  }
}
