package dev.caveat.care.internal;

import dev.caveat.platform.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the rep asked the case inbox for: a view, filters and an order, as request parameters. Blank
 * means the default: the rep's own cases, open or waiting, of any intent, language and team, newest
 * first.
 */
record InboxQuery(
    String view, String status, String intent, String language, String team, String sort) {

  /** The views of the inbox: whose cases, or which. Pages read them, hence public accessors. */
  enum View {
    MINE(
        "mine",
        "Mine",
        "Nothing is assigned to you",
        "Cases you take, or that routing gives you,"
            + " show up here. Take one from Unassigned: select it with j and press a."),
    TEAM(
        "team",
        "My teams",
        "Your teams have no cases here",
        "Cases routed to the teams you are" + " on show up here, whoever holds them."),
    UNASSIGNED(
        "unassigned",
        "Unassigned",
        "Every case has someone on it",
        "Cases nobody holds show" + " up here the moment they open."),
    BREACHING(
        "breaching",
        "Breaching",
        "No case is near or past its SLA",
        "Cases show up here when" + " a running SLA clock warns or breaches."),
    OPEN("open", "All open", "No cases here", "Every case that asks or complains shows up here.");

    final String code;
    final String label;
    final String emptyTitle;
    final String emptyText;

    View(String code, String label, String emptyTitle, String emptyText) {
      this.code = code;
      this.label = label;
      this.emptyTitle = emptyTitle;
      this.emptyText = emptyText;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public String emptyTitle() {
      return emptyTitle;
    }

    public String emptyText() {
      return emptyText;
    }

    static View of(String code) {
      if (code == null || code.isBlank()) {
        return MINE;
      }
      for (View view : values()) {
        if (view.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
          return view;
        }
      }
      throw ApiException.badRequest("view must be one of mine, team, unassigned, breaching, open");
    }
  }

  /** Status filter value for every status, resolved ones included. */
  static final String ANY_STATUS = "any";

  private static final Set<String> NOT_RESOLVED = Set.of("open", "waiting");

  View chosenView() {
    return View.of(view);
  }

  CaseList.Sort chosenSort() {
    return CaseList.Sort.of(sort);
  }

  /** Whether any filter narrows the view. */
  public boolean filtered() {
    return !blank(status) || !blank(intent) || !blank(language) || !blank(team);
  }

  /** The filters without the view: what the counts of every view share. */
  CaseList.Filter base() {
    Set<String> statuses =
        blank(status) ? NOT_RESOLVED : ANY_STATUS.equals(status) ? null : Set.of(status);
    return CaseList.Filter.ANY
        .withStatuses(statuses)
        .withIntent(orNull(intent))
        .withLanguage(orNull(language))
        .withTeam(orNull(team));
  }

  /** The filters with the view, for this rep on these teams. */
  CaseList.Filter filter(UUID rep, List<String> repTeams) {
    CaseList.Filter base = base();
    return switch (chosenView()) {
      case MINE -> base.withAssignee(rep.toString());
      case TEAM -> base.withTeams(repTeams);
      case UNASSIGNED -> base.withUnassigned(true);
      case BREACHING -> base.withBreaching(true);
      case OPEN -> base;
    };
  }

  /** The same query in another view. */
  InboxQuery inView(View other) {
    return new InboxQuery(other.code(), status, intent, language, team, sort);
  }

  /** The inbox address that shows this query. */
  String url(String slug) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/c/{slug}/cases");
    Map<String, String> values = new HashMap<>();
    values.put("slug", slug);
    add(url, values, "view", chosenView().code());
    add(url, values, "status", status);
    add(url, values, "intent", intent);
    add(url, values, "language", language);
    add(url, values, "team", team);
    add(url, values, "sort", sort);
    // Values go in as variables, so that the strict encoding of variables escapes & and = in them.
    return url.encode().buildAndExpand(values).toUriString();
  }

  private static void add(
      UriComponentsBuilder url, Map<String, String> values, String name, String value) {
    if (!blank(value)) {
      url.queryParam(name, "{" + name + "}");
      values.put(name, value.strip());
    }
  }

  private static String orNull(String value) {
    return blank(value) ? null : value.strip();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
