package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA settings page: the company's policy and each team's own, with their targets, business
 * hours and warning threshold, and how much of each target every team met over the last 30 days.
 */
@Controller
class SlaSettingsPage {

  /** One policy's form: the company's (no team id) or a team's, with what it holds or was sent. */
  record PolicyPanel(
      String key, String title, Long teamId, boolean own, SlaPolicyForm form, String error) {}

  /** A team's line in the report: the share met per target, null where nothing settled yet. */
  record ReportRow(String team, Map<String, SlaReports.TargetReport> targets) {}

  static final List<String> TARGETS =
      List.of(SlaClocks.FIRST_RESPONSE, SlaClocks.NEXT_RESPONSE, SlaClocks.RESOLUTION);
  private static final List<String> ZONES =
      List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

  private final SettingsPages pages;
  private final SlaPolicies policies;
  private final SlaSetup setup;
  private final SlaReports reports;
  private final Teams teams;
  private final Clock clock;

  SlaSettingsPage(
      SettingsPages pages,
      SlaPolicies policies,
      SlaSetup setup,
      SlaReports reports,
      Teams teams,
      Clock clock) {
    this.pages = pages;
    this.policies = policies;
    this.setup = setup;
    this.reports = reports;
    this.teams = teams;
    this.clock = clock;
  }

  @GetMapping("/c/{slug}/settings/sla")
  String show(Actor actor, @PathVariable String slug, Model model) {
    Company company = pages.read(actor, slug, "sla", model);
    fill(company.id(), model, null, null, null);
    return "care/settings/sla";
  }

  @PostMapping("/c/{slug}/settings/sla")
  String saveCompany(
      Actor actor,
      @PathVariable String slug,
      @ModelAttribute SlaPolicyForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return save(actor, slug, null, form, model, response, redirect);
  }

  @PostMapping("/c/{slug}/settings/sla/teams/{id}")
  String saveTeam(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @ModelAttribute SlaPolicyForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return save(actor, slug, id, form, model, response, redirect);
  }

  @PostMapping("/c/{slug}/settings/sla/remove")
  String removeCompany(Actor actor, @PathVariable String slug, RedirectAttributes redirect) {
    setup.delete(pages.edit(actor, slug).id(), null);
    redirect.addFlashAttribute("notice", "The company's SLA policy is removed.");
    return "redirect:/c/" + slug + "/settings/sla";
  }

  @PostMapping("/c/{slug}/settings/sla/teams/{id}/remove")
  String removeTeam(
      Actor actor, @PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
    setup.delete(pages.edit(actor, slug).id(), id);
    redirect.addFlashAttribute(
        "notice", "The team's own SLA policy is removed: the company's applies to it now.");
    return "redirect:/c/" + slug + "/settings/sla";
  }

  private String save(
      Actor actor,
      String slug,
      Long teamId,
      SlaPolicyForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CompanyId company = pages.edit(actor, slug).id();
    try {
      setup.save(company, teamId, form.request());
    } catch (ApiException e) {
      if (!SettingsPages.userCanFix(e)) {
        throw e;
      }
      pages.read(actor, slug, "sla", model);
      fill(company, model, teamId == null ? "company" : "team-" + teamId, form, e.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "care/settings/sla";
    }
    redirect.addFlashAttribute(
        "notice",
        teamId == null
            ? "The company's SLA policy is saved."
            : "Team "
                + teams.find(company, teamId).map(Teams.Team::name).orElse("")
                + "'s SLA"
                + " policy is saved.");
    return "redirect:/c/" + slug + "/settings/sla";
  }

  /** The page's model; the form under {@code failedKey} shows what was sent and why it failed. */
  private void fill(
      CompanyId company, Model model, String failedKey, SlaPolicyForm sent, String error) {
    List<SlaPolicies.Policy> all = policies.of(company);
    Optional<SlaPolicies.Policy> companyPolicy =
        all.stream().filter(p -> p.team() == null).findFirst();
    model.addAttribute(
        "companyPolicy", panel("company", "Company", null, companyPolicy, failedKey, sent, error));
    List<PolicyPanel> teamPanels = new ArrayList<>();
    for (Teams.Team team : teams.all(company)) {
      Optional<SlaPolicies.Policy> own =
          all.stream().filter(p -> team.name().equalsIgnoreCase(p.team())).findFirst();
      teamPanels.add(
          panel("team-" + team.id(), team.name(), team.id(), own, failedKey, sent, error));
    }
    model.addAttribute("teamPolicies", teamPanels);
    Instant now = clock.instant();
    SlaReports.Report report =
        reports.report(company, now.minus(SlaController.DEFAULT_REPORT_SPAN), now);
    model.addAttribute(
        "report",
        report.teams().stream()
            .map(t -> new ReportRow(t.team() == null ? "No team" : t.team(), t.targets()))
            .toList());
    model.addAttribute("targets", TARGETS);
    model.addAttribute("days", SlaPolicyForm.DAYS);
    model.addAttribute("zones", ZONES);
  }

  private static PolicyPanel panel(
      String key,
      String title,
      Long teamId,
      Optional<SlaPolicies.Policy> policy,
      String failedKey,
      SlaPolicyForm sent,
      String error) {
    boolean failed = key.equals(failedKey);
    return new PolicyPanel(
        key,
        title,
        teamId,
        policy.isPresent(),
        failed ? sent : policy.map(SlaPolicyForm::of).orElse(SlaPolicyForm.BLANK),
        failed ? SlaPolicyForm.sentence(error) : null);
  }
}
