package dev.caveat.account.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A company's people and API tokens, for its admins: add a person, take one out (their cases go
 * back to their teams), issue a token (its secret shown once) and revoke one.
 */
@Controller
class PeoplePage {

  /** What the add-a-person form posts. */
  record PersonFields(String email, String name, String password, String role) {
    static final PersonFields EMPTY = new PersonFields("", "", "", "rep");
  }

  /** What the issue-a-token form posts. */
  record TokenFields(String label, String role) {}

  private final CompanyAccess access;
  private final Accounts accounts;
  private final CompanyMembersQuery members;
  private final Tokens tokens;

  PeoplePage(CompanyAccess access, Accounts accounts, CompanyMembersQuery members, Tokens tokens) {
    this.access = access;
    this.accounts = accounts;
    this.members = members;
    this.tokens = tokens;
  }

  @GetMapping("/c/{slug}/settings/people")
  String show(Actor actor, @PathVariable String slug, Model model) {
    fill(actor, admin(actor, slug), PersonFields.EMPTY, null, model);
    return "account/people";
  }

  @PostMapping("/c/{slug}/settings/people")
  String add(
      Actor actor,
      @PathVariable String slug,
      @ModelAttribute PersonFields fields,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Company company = admin(actor, slug);
    Accounts.Member added;
    try {
      added =
          accounts.addPerson(
              actor,
              slug,
              fields.email(),
              fields.name(),
              fields.password(),
              AccountController.companyRole(fields.role()));
    } catch (ApiException e) {
      if (e.status() != HttpStatus.BAD_REQUEST) {
        throw e;
      }
      fill(actor, company, fields, sentence(e.getMessage()), model);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "account/people";
    }
    redirect.addFlashAttribute(
        "notice", added.name() + " is a " + added.role().code() + " of " + company.name() + ".");
    return back(slug);
  }

  @PostMapping("/c/{slug}/settings/people/{id}/remove")
  String remove(
      Actor actor, @PathVariable String slug, @PathVariable UUID id, RedirectAttributes redirect) {
    Company company = admin(actor, slug);
    String name = accounts.removePerson(actor, slug, id);
    redirect.addFlashAttribute(
        "notice",
        name
            + " is no longer in "
            + company.name()
            + "; their open cases went back to their teams.");
    return back(slug);
  }

  @PostMapping("/c/{slug}/settings/tokens")
  String issue(
      Actor actor,
      @PathVariable String slug,
      @ModelAttribute TokenFields fields,
      RedirectAttributes redirect) {
    Accounts.IssuedToken issued =
        accounts.issueToken(
            actor, slug, AccountController.companyRole(fields.role()), fields.label(), null);
    redirect.addFlashAttribute("issued", issued.token());
    return back(slug);
  }

  @PostMapping("/c/{slug}/settings/tokens/{id}/revoke")
  String revoke(
      Actor actor, @PathVariable String slug, @PathVariable UUID id, RedirectAttributes redirect) {
    accounts.revokeToken(actor, slug, id);
    redirect.addFlashAttribute("notice", "The token is revoked: it no longer works.");
    return back(slug);
  }

  private Company admin(Actor actor, String slug) {
    return access.require(actor, slug, Permission.ADMINISTER);
  }

  private void fill(Actor actor, Company company, PersonFields form, String error, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("company", company);
    model.addAttribute("section", "people");
    model.addAttribute("canEdit", true);
    List<Accounts.Member> people = members.all(company.id());
    model.addAttribute("people", people);
    model.addAttribute(
        "names",
        people.stream().collect(Collectors.toMap(Accounts.Member::id, Accounts.Member::name)));
    model.addAttribute("tokens", tokens.list(company.id()));
    model.addAttribute("form", form);
    model.addAttribute("formError", error);
  }

  private static String back(String slug) {
    return "redirect:/c/" + slug + "/settings/people";
  }

  private static String sentence(String message) {
    return message.isEmpty()
        ? message
        : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
  }
}
