package dev.caveat.listening.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The care rep's inbox: a company's mentions, newest first, and each one opened. */
@Controller
class InboxController {

  private final CompanyAccess access;
  private final MentionFeed feed;
  private final Relabelling relabelling;

  InboxController(CompanyAccess access, MentionFeed feed, Relabelling relabelling) {
    this.access = access;
    this.feed = feed;
    this.relabelling = relabelling;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/inbox";
  }

  @GetMapping("/inbox")
  String chooseCompany(Actor actor, Model model) {
    List<Company> companies = access.visibleTo(actor);
    if (companies.size() == 1) {
      return "redirect:/c/" + companies.getFirst().slug() + "/inbox";
    }
    model.addAttribute("actor", actor);
    model.addAttribute("companies", companies);
    return "listening/companies";
  }

  @GetMapping("/c/{slug}/inbox")
  String inbox(
      Actor actor,
      @PathVariable String slug,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String q,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    MentionFeed.Page page;
    try {
      page =
          feed.page(
              company.id(), new Mentions.Filter(null, null), q, cursor, MentionFeed.DEFAULT_LIMIT);
    } catch (ApiException badSearch) {
      if (badSearch.status() != HttpStatus.BAD_REQUEST) {
        throw badSearch;
      }
      page = new MentionFeed.Page(List.of(), null);
      model.addAttribute("searchError", badSearch.getMessage());
    }
    model.addAttribute("actor", actor);
    model.addAttribute("company", company);
    model.addAttribute("mentions", page.items());
    model.addAttribute("nextCursor", page.nextCursor());
    model.addAttribute("q", q == null ? "" : q);
    return htmx != null && cursor != null ? "listening/inbox :: rows" : "listening/inbox";
  }

  @GetMapping("/c/{slug}/mentions/{id}")
  String mention(Actor actor, @PathVariable String slug, @PathVariable long id, Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    model.addAttribute("actor", actor);
    model.addAttribute("company", company);
    model.addAttribute("mention", feed.one(company.id(), id));
    model.addAttribute("intents", INTENTS);
    return "listening/mention";
  }

  @PostMapping("/c/{slug}/mentions/{id}/intent")
  String correctIntent(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @RequestParam String intent,
      RedirectAttributes redirect) {
    Company company = access.require(actor, slug, Permission.READ);
    relabelling.correctIntent(company.id(), id, intent, actor.name());
    redirect.addFlashAttribute(
        "notice", "Thanks: the intent is now " + intent + ", and the next model learns from it.");
    return "redirect:/c/" + slug + "/mentions/" + id;
  }

  private static final List<String> INTENTS =
      java.util.Arrays.stream(dev.caveat.core.classify.Intent.values())
          .map(dev.caveat.core.classify.Intent::code)
          .toList();
}
