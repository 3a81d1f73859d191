package dev.caveat.care.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyId;
import dev.caveat.account.CompanyMembers;
import dev.caveat.core.classify.Urgency;
import dev.caveat.platform.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing settings page: the teams with their reps, and the routing rules in order, which a
 * lead adds to, reorders and deletes from. Each change replaces the routing through {@link
 * RoutingSetup}, as the API does.
 */
@Controller
class RoutingSettingsPage {

  /** A new rule as the form sends it: every field text, checked before it becomes a rule. */
  record RuleForm(
      String monitor,
      String intent,
      String language,
      String sentimentBelow,
      String sentimentAbove,
      String urgency,
      String product,
      String customer,
      String team) {

    static final RuleForm EMPTY =
        new RuleForm(null, null, null, null, null, null, null, null, null);
  }

  /**
   * A rule as the page lists it, with the label its forms send back to say which rule they mean.
   */
  record RuleRow(RoutingRule rule, String conditions, String label) {}

  /** A team as the page shows it: its lead's name and its reps with their skills and load. */
  record TeamPanel(Teams.Team team, String lead, List<Teams.Rep> reps) {}

  static final List<String> URGENCIES =
      Stream.concat(
              Stream.of(RoutingRule.ANY_URGENCY),
              Arrays.stream(Urgency.values()).map(Urgency::code))
          .toList();

  private final SettingsPages pages;
  private final Teams teams;
  private final RoutingRules routing;
  private final RoutingSetup setup;
  private final CompanyMembers members;

  RoutingSettingsPage(
      SettingsPages pages,
      Teams teams,
      RoutingRules routing,
      RoutingSetup setup,
      CompanyMembers members) {
    this.pages = pages;
    this.teams = teams;
    this.routing = routing;
    this.setup = setup;
    this.members = members;
  }

  @GetMapping("/c/{slug}/settings/routing")
  String show(Actor actor, @PathVariable String slug, Model model) {
    Company company = pages.read(actor, slug, "routing", model);
    fill(company.id(), model, RuleForm.EMPTY);
    return "care/settings/routing";
  }

  @PostMapping("/c/{slug}/settings/routing/rules")
  String addRule(
      Actor actor,
      @PathVariable String slug,
      @ModelAttribute RuleForm form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CompanyId company = pages.edit(actor, slug).id();
    try {
      RoutingRule rule = rule(form);
      RoutingRules.Routing now = routing.of(company);
      List<RoutingRule> rules = new ArrayList<>(now.rules());
      rules.add(rule);
      setup.replace(company, new RoutingSetup.RoutingRequest(now.defaultTeam(), rules));
    } catch (ApiException e) {
      if (!SettingsPages.userCanFix(e)) {
        throw e;
      }
      pages.read(actor, slug, "routing", model);
      fill(company, model, form);
      model.addAttribute("ruleError", SettingsPages.sentence(withoutPosition(e.getMessage())));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "care/settings/routing";
    }
    redirect.addFlashAttribute("notice", "The rule is added at the end of the list.");
    return "redirect:/c/" + slug + "/settings/routing";
  }

  /**
   * Moves a rule one place up or down, or deletes it. {@code expect} is the rule as the page showed
   * it: when the routing changed meanwhile, nothing is done and the page shows it as it is now.
   */
  @PostMapping("/c/{slug}/settings/routing/rules/{index}/{action:up|down|delete}")
  String change(
      Actor actor,
      @PathVariable String slug,
      @PathVariable int index,
      @PathVariable String action,
      @RequestParam String expect,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      RedirectAttributes redirect) {
    CompanyId company = pages.edit(actor, slug).id();
    RoutingRules.Routing now = routing.of(company);
    List<RoutingRule> rules = new ArrayList<>(now.rules());
    String notice;
    boolean stale = index < 0 || index >= rules.size() || !label(rules.get(index)).equals(expect);
    int to = action.equals("up") ? index - 1 : index + 1;
    if (stale) {
      notice = "The rules changed since you opened the page; here they are as they are now.";
    } else if (action.equals("delete")) {
      rules.remove(index);
      setup.replace(company, new RoutingSetup.RoutingRequest(now.defaultTeam(), rules));
      notice = "Rule " + (index + 1) + " is deleted.";
    } else if (to < 0 || to >= rules.size()) {
      notice = "That rule is already " + (to < 0 ? "first." : "last.");
    } else {
      rules.add(to, rules.remove(index));
      setup.replace(company, new RoutingSetup.RoutingRequest(now.defaultTeam(), rules));
      notice = "Rule " + (index + 1) + " is now rule " + (to + 1) + ".";
    }
    if (SettingsPages.htmx(htmx)) {
      pages.read(actor, slug, "routing", model);
      fill(company, model, RuleForm.EMPTY);
      model.addAttribute("rulesNotice", notice);
      return "care/settings/routing :: rules";
    }
    redirect.addFlashAttribute("notice", notice);
    return "redirect:/c/" + slug + "/settings/routing";
  }

  @PostMapping("/c/{slug}/settings/routing/default")
  String defaultTeam(
      Actor actor,
      @PathVariable String slug,
      @RequestParam(required = false) String defaultTeam,
      RedirectAttributes redirect) {
    CompanyId company = pages.edit(actor, slug).id();
    RoutingRules.Routing now = routing.of(company);
    setup.replace(company, new RoutingSetup.RoutingRequest(defaultTeam, now.rules()));
    redirect.addFlashAttribute(
        "notice",
        defaultTeam == null || defaultTeam.isBlank()
            ? "Cases no rule matches now wait without a team."
            : "Cases no rule matches now go to " + defaultTeam.strip() + ".");
    return "redirect:/c/" + slug + "/settings/routing";
  }

  /** The rule as the page names it, to tell whether the page is still what the routing is. */
  static String label(RoutingRule rule) {
    return rule.describe() + " → " + rule.team();
  }

  private void fill(CompanyId company, Model model, RuleForm form) {
    List<TeamPanel> panels = new ArrayList<>();
    for (Teams.Team team : teams.all(company)) {
      panels.add(
          new TeamPanel(team, leadName(company, team.lead()), teams.repsOf(company, team.id())));
    }
    model.addAttribute("teams", panels);
    RoutingRules.Routing now = routing.of(company);
    model.addAttribute("routing", now);
    model.addAttribute(
        "rules", now.rules().stream().map(r -> new RuleRow(r, r.describe(), label(r))).toList());
    model.addAttribute("form", form);
    model.addAttribute("intents", new TreeSet<>(RoutingSetup.INTENTS));
    model.addAttribute("urgencies", URGENCIES);
  }

  private String leadName(CompanyId company, UUID lead) {
    return lead == null
        ? null
        : members.find(company, lead).map(Accounts.Member::name).orElse("a former member");
  }

  private static RoutingRule rule(RuleForm form) {
    RoutingRule rule =
        new RoutingRule(
            form.monitor(),
            form.intent(),
            form.language(),
            number(form.sentimentBelow(), "sentiment below"),
            number(form.sentimentAbove(), "sentiment above"),
            form.urgency(),
            form.product(),
            form.customer(),
            form.team());
    if (Stream.of(
            rule.monitor(),
            rule.intent(),
            rule.language(),
            rule.sentimentBelow(),
            rule.sentimentAbove(),
            rule.urgency(),
            rule.product(),
            rule.customer())
        .allMatch(v -> v == null || v.toString().isBlank())) {
      throw ApiException.badRequest(
          "give the rule at least one condition; what no rule matches goes to the default team");
    }
    if (form.team() == null || form.team().isBlank()) {
      throw ApiException.badRequest("choose the team the rule sends its cases to");
    }
    return rule;
  }

  private static Double number(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field + " must be a number between -1 and 1, such as -0.5");
    }
  }

  /** RoutingSetup names fields by their place in the list; the form has only the one rule. */
  private static String withoutPosition(String message) {
    return message
        .replaceFirst("^rules\\[\\d+]\\.?", "")
        .replace("sentimentBelow", "sentiment below")
        .replace("sentimentAbove", "sentiment above")
        .strip();
  }
}
