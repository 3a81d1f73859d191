package dev.caveat.care.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.CompanyMembers;
import dev.caveat.account.Permission;
import dev.caveat.core.classify.Intent;
import dev.caveat.platform.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The care rep's case inbox: views of the company's cases with filters, an order and pages, and the
 * stream that tells the open pages when a case changes.
 */
@Controller
class CaseInboxController {

  /** One case as the inbox lists it. */
  record Row(
      String number,
      String customer,
      String source,
      String intent,
      String status,
      String assignee,
      String team,
      Instant dueAt,
      boolean breached,
      boolean warned,
      Instant lastActivity,
      boolean inView) {}

  /** A view of the inbox with how many cases it holds, and its address. */
  record Tab(String code, String label, int count, String url, boolean current) {}

  static final List<String> INTENTS = Arrays.stream(Intent.values()).map(Intent::code).toList();

  private final CompanyAccess access;
  private final CaseWork work;
  private final CaseList list;
  private final Teams teams;
  private final CompanyMembers members;
  private final CaseStream stream;

  CaseInboxController(
      CompanyAccess access,
      CaseWork work,
      CaseList list,
      Teams teams,
      CompanyMembers members,
      CaseStream stream) {
    this.access = access;
    this.work = work;
    this.list = list;
    this.teams = teams;
    this.members = members;
    this.stream = stream;
  }

  @GetMapping("/c/{slug}/cases")
  String inbox(
      Actor actor,
      @PathVariable String slug,
      InboxQuery query,
      @RequestParam(required = false) String cursor,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    List<String> repTeams = teamsOf(company.id(), actor.id());
    CaseWork.Page page =
        work.page(
            company.id(),
            query.filter(actor.id(), repTeams),
            query.chosenSort(),
            cursor,
            CaseWork.DEFAULT_LIMIT);
    model.addAttribute("actor", actor);
    model.addAttribute("company", company);
    model.addAttribute("query", query);
    model.addAttribute("view", query.chosenView());
    model.addAttribute("selfUrl", query.url(slug));
    model.addAttribute("rows", rows(company.id(), page.items(), true));
    model.addAttribute("nextCursor", page.nextCursor());
    if (htmx != null && cursor != null) {
      return "care/cases :: rows";
    }
    model.addAttribute("tabs", tabs(company, query, actor.id(), repTeams));
    model.addAttribute("onNoTeam", repTeams.isEmpty());
    model.addAttribute("intents", INTENTS);
    model.addAttribute("languages", list.languages(company.id()));
    model.addAttribute("teams", teams.all(company.id()).stream().map(Teams.Team::name).toList());
    return "care/cases";
  }

  /** The views with their counts, for a page to refresh when cases change. */
  @GetMapping("/c/{slug}/cases/views")
  String views(Actor actor, @PathVariable String slug, InboxQuery query, Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    model.addAttribute("tabs", tabs(company, query, actor.id(), teamsOf(company.id(), actor.id())));
    return "care/cases :: views";
  }

  /**
   * One case as the inbox lists it, for a page that heard it changed; {@code data-in-view} says
   * whether the case belongs in the page's view and filters.
   */
  @GetMapping("/c/{slug}/cases/{number}/row")
  String row(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      InboxQuery query,
      Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    String upper = number.toUpperCase(Locale.ROOT);
    CaseList.Filter inView =
        query.filter(actor.id(), teamsOf(company.id(), actor.id())).withNumber(upper);
    List<CaseList.Listed> found = list.page(company.id(), inView, CaseList.Sort.NEWEST, null, 1);
    boolean matches = !found.isEmpty();
    if (!matches) {
      found =
          list.page(
              company.id(), CaseList.Filter.ANY.withNumber(upper), CaseList.Sort.NEWEST, null, 1);
    }
    if (found.isEmpty()) {
      throw ApiException.notFound("No case " + number + " in this company.");
    }
    model.addAttribute("actor", actor);
    model.addAttribute("company", company);
    model.addAttribute("selfUrl", query.url(slug));
    model.addAttribute("r", rows(company.id(), found, matches).getFirst());
    return "care/cases :: row";
  }

  /** Server-sent events: {@code case} with the number and kinds of every change of a case. */
  @GetMapping("/c/{slug}/cases/events")
  SseEmitter events(Actor actor, @PathVariable String slug) {
    return stream.watch(access.require(actor, slug, Permission.READ).id());
  }

  private List<Tab> tabs(Company company, InboxQuery query, UUID rep, List<String> repTeams) {
    CaseList.Counts counts = work.counts(company.id(), query.base(), rep.toString(), repTeams);
    return Arrays.stream(InboxQuery.View.values())
        .map(
            v ->
                new Tab(
                    v.code(),
                    v.label(),
                    switch (v) {
                      case MINE -> counts.mine();
                      case TEAM -> counts.team();
                      case UNASSIGNED -> counts.unassigned();
                      case BREACHING -> counts.breaching();
                      case OPEN -> counts.open();
                    },
                    query.inView(v).url(company.slug()),
                    v == query.chosenView()))
        .toList();
  }

  private List<String> teamsOf(CompanyId company, UUID rep) {
    return teams.rep(company, rep).map(Teams.Rep::teams).orElse(List.of());
  }

  private List<Row> rows(CompanyId company, List<CaseList.Listed> listed, boolean inView) {
    Set<UUID> assignees = new HashSet<>();
    listed.stream()
        .map(l -> l.kase().assignee())
        .filter(a -> a != null)
        .forEach(a -> assignees.add(UUID.fromString(a)));
    Map<String, String> names =
        members.findAll(company, assignees).stream()
            .collect(Collectors.toMap(m -> m.id().toString(), Accounts.Member::name));
    return listed.stream()
        .map(
            l -> {
              Cases.Case c = l.kase();
              Cases.Customer u = c.customer();
              return new Row(
                  c.number(),
                  u == null ? "Unknown customer" : u.name() != null ? u.name() : u.handle(),
                  u == null ? null : u.source(),
                  c.intent(),
                  c.status(),
                  c.assignee() == null ? null : names.getOrDefault(c.assignee(), "a former rep"),
                  c.team(),
                  l.dueAt(),
                  l.breached(),
                  l.warned(),
                  c.updatedAt(),
                  inView);
            })
        .toList();
  }
}
