package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where a rep works one case: the customer, the whole history, the SLA clocks, and forms
 * to reply, note, assign and resolve. Each form posts, then comes back to the page with what
 * happened.
 */
@Controller
class CasePageController {

  static final List<String> RESOLUTIONS = List.of("solved", "explained", "duplicate", "spam");

  private final CompanyAccess access;
  private final CaseWork work;
  private final CaseReplying replying;
  private final CaseAssignment assignment;
  private final Teams teams;
  private final Customers customers;
  private final CustomerSuggestions suggestions;
  private final CustomerLinks links;
  private final CannedWork canned;

  /** Another customer who may be this case's customer, as the page shows them. */
  record Suggested(
      long customer, String name, List<Customers.Identity> identities, List<String> why) {}

  CasePageController(
      CompanyAccess access,
      CaseWork work,
      CaseReplying replying,
      CaseAssignment assignment,
      Teams teams,
      Customers customers,
      CustomerSuggestions suggestions,
      CustomerLinks links,
      CannedWork canned) {
    this.canned = canned;
    this.customers = customers;
    this.suggestions = suggestions;
    this.links = links;
    this.access = access;
    this.work = work;
    this.replying = replying;
    this.assignment = assignment;
    this.teams = teams;
  }

  @GetMapping("/c/{slug}/cases/{number}")
  String page(Actor actor, @PathVariable String slug, @PathVariable String number, Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    CaseWork.Whole whole = work.whole(company.id(), number);
    show(actor, company, whole, model);
    Cases.Case kase = whole.kase();
    List<Teams.Rep> reps =
        kase.team() == null
            ? teams.reps(company.id())
            : teams
                .findByName(company.id(), kase.team())
                .map(t -> teams.repsOf(company.id(), t.id()))
                .orElseGet(() -> teams.reps(company.id()));
    model.addAttribute("reps", reps);
    model.addAttribute("resolutions", RESOLUTIONS);
    model.addAttribute("canned", canned.list(company.id(), null));
    model.addAttribute(
        "lastReplyId", whole.replies().stream().mapToLong(CaseReplies.Reply::id).max().orElse(0));
    model.addAttribute(
        "suggested",
        kase.customer() == null || kase.status().equals("resolved")
            ? List.of()
            : suggestions.of(company.id(), kase.customer().id()).stream()
                .map(
                    s ->
                        new Suggested(
                            s.customerId(),
                            customers
                                .find(company.id(), s.customerId())
                                .map(Customers.Customer::name)
                                .orElse(null),
                            customers.identities(s.customerId()),
                            s.why()))
                .toList());
    return "care/case";
  }

  /** The parts of the page that change as the case does, for a page that heard it changed. */
  @GetMapping("/c/{slug}/cases/{number}/live")
  String live(Actor actor, @PathVariable String slug, @PathVariable String number, Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    show(actor, company, work.whole(company.id(), number), model);
    return "care/case :: live";
  }

  /**
   * Sends the rep's reply. {@code after} is the newest reply the page showed: a colleague's reply
   * since then holds this one back until the rep has read it, unless they {@code force} it.
   */
  @PostMapping("/c/{slug}/cases/{number}/replies")
  String reply(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String visibility,
      @RequestParam(required = false) Long after,
      @RequestParam(required = false) boolean force,
      RedirectAttributes redirect) {
    Company company = access.require(actor, slug, Permission.READ);
    CaseReplies.Reply made;
    try {
      made =
          replying.reply(
              company.id(),
              number,
              text,
              visibility,
              new CaseReplying.Sender(actor.id(), actor.name(), after, force));
    } catch (ApiException e) {
      if (e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("error", "The reply did not go out: " + e.getMessage());
      redirect.addFlashAttribute("crossed", e.properties().containsKey("colleague"));
      redirect.addFlashAttribute("draft", text);
      redirect.addFlashAttribute("draftVisibility", visibility);
      return back(company, number);
    }
    redirect.addFlashAttribute(
        "notice",
        "sending".equals(made.status())
            ? "The mail server could not be reached; the reply is kept and Caveat keeps trying."
            : "Your reply went out.");
    return back(company, number);
  }

  @PostMapping("/c/{slug}/cases/{number}/notes")
  String note(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestParam(required = false) String text,
      RedirectAttributes redirect) {
    Company company = access.require(actor, slug, Permission.READ);
    if (attempt(
        redirect,
        "The note was not added: ",
        () -> work.addNote(company.id(), number, text, actor.name()))) {
      redirect.addFlashAttribute("notice", "Note added. Only your colleagues see it.");
    } else {
      redirect.addFlashAttribute("noteDraft", text);
    }
    return back(company, number);
  }

  /**
   * Gives the case to the rep who asks ({@code me}), to another rep (their user id) or to nobody
   * (blank). From the inbox, {@code back} brings the rep back to the view they were in.
   */
  @PostMapping("/c/{slug}/cases/{number}/assign")
  String assign(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String back,
      RedirectAttributes redirect) {
    Company company = access.require(actor, slug, Permission.READ);
    UUID to;
    try {
      to =
          assignee == null || assignee.isBlank()
              ? null
              : "me".equals(assignee) ? actor.id() : UUID.fromString(assignee.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("assignee must be me, a rep's user id, or blank for nobody");
    }
    String upper = number.toUpperCase(Locale.ROOT);
    if (attempt(
        redirect,
        "The case was not assigned: ",
        () -> assignment.assign(company.id(), upper, to, actor.name()))) {
      redirect.addFlashAttribute(
          "notice",
          to == null
              ? upper + " is back with its team, for anyone to take."
              : to.equals(actor.id()) ? upper + " is yours now." : upper + " is assigned.");
    }
    String inbox = "/c/" + company.slug() + "/cases";
    if (back != null && (back.equals(inbox) || back.startsWith(inbox + "?"))) {
      return "redirect:" + back;
    }
    return back(company, number);
  }

  @PostMapping("/c/{slug}/cases/{number}/resolve")
  String resolve(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestParam(required = false) String resolution,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    Company company = access.require(actor, slug, Permission.READ);
    if (attempt(
        redirect,
        "The case was not resolved: ",
        () -> work.resolve(company.id(), number, resolution, reason, actor.name()))) {
      redirect.addFlashAttribute(
          "notice",
          "explained".equals(resolution)
              ? "Resolved as explained. The reason is now on the public case page."
              : "Resolved as " + resolution + ".");
    } else {
      redirect.addFlashAttribute("reasonDraft", reason);
    }
    return back(company, number);
  }

  /**
   * Makes the other customer part of this case's customer: their identities join, and an open case
   * of theirs folds into this one.
   */
  @PostMapping("/c/{slug}/cases/{number}/merge")
  String merge(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestParam(required = false) Long customer,
      RedirectAttributes redirect) {
    Company company = access.require(actor, slug, Permission.READ);
    Cases.Case kase = work.whole(company.id(), number).kase();
    if (customer == null || kase.customer() == null) {
      throw ApiException.badRequest("customer is required: the id of the other customer");
    }
    if (attempt(
        redirect,
        "The customers were not merged: ",
        () -> links.merge(company.id(), kase.customer().id(), customer, "rep", actor.name()))) {
      redirect.addFlashAttribute(
          "notice", "Merged: one customer now, and their cases are one. Undo through the API.");
    }
    return back(company, number);
  }

  @PostMapping("/c/{slug}/cases/{number}/reopen")
  String reopen(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      RedirectAttributes redirect) {
    Company company = access.require(actor, slug, Permission.READ);
    if (attempt(
        redirect,
        "The case was not reopened: ",
        () -> work.reopen(company.id(), number, actor.name()))) {
      redirect.addFlashAttribute("notice", "The case is open again.");
    }
    return back(company, number);
  }

  private void show(Actor actor, Company company, CaseWork.Whole whole, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("company", company);
    model.addAttribute("whole", whole);
    model.addAttribute("kase", whole.kase());
    model.addAttribute("timeline", CaseTimeline.of(whole));
    model.addAttribute(
        "assigneeName",
        whole.kase().assignee() == null
            ? null
            : whole.names().getOrDefault(UUID.fromString(whole.kase().assignee()), "a former rep"));
    model.addAttribute("mine", actor.id().toString().equals(whole.kase().assignee()));
  }

  /**
   * Runs the action; an error a rep can act on becomes the page's error message. What does not
   * exist stays a 404.
   */
  private static boolean attempt(RedirectAttributes redirect, String what, Supplier<?> action) {
    try {
      action.get();
      return true;
    } catch (ApiException e) {
      if (e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("error", what + e.getMessage());
      return false;
    }
  }

  private static String back(Company company, String number) {
    if (!number.matches("[A-Za-z0-9-]{1,40}")) {
      throw ApiException.notFound("No case " + number + " in this company.");
    }
    return "redirect:/c/" + company.slug() + "/cases/" + number.toUpperCase(Locale.ROOT);
  }
}
