package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.TreeSet;
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
 * The canned responses page: the company's responses by title, searchable, with the variables a
 * body may use; leads and admins add, edit and delete them here.
 */
@Controller
class CannedSettingsPage {

  /** The form for one response; {@code id} is the one being edited, null for a new one. */
  record CannedForm(Long id, String title, String body, String language, String intent) {

    static final CannedForm EMPTY = new CannedForm(null, "", "", "", "");

    static CannedForm of(CannedResponses.Canned c) {
      return new CannedForm(
          c.id(),
          c.title(),
          c.body(),
          c.language() == null ? "" : c.language(),
          c.intent() == null ? "" : c.intent());
    }

    CannedWork.CannedRequest request() {
      return new CannedWork.CannedRequest(title, body, language, intent);
    }
  }

  private final SettingsPages pages;
  private final CannedWork work;

  CannedSettingsPage(SettingsPages pages, CannedWork work) {
    this.pages = pages;
    this.work = work;
  }

  @GetMapping("/c/{slug}/settings/canned")
  String show(
      Actor actor,
      @PathVariable String slug,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long edit,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    Company company = pages.read(actor, slug, "canned", model);
    CannedForm form =
        edit != null && Boolean.TRUE.equals(model.getAttribute("canEdit"))
            ? CannedForm.of(work.one(company.id(), edit))
            : CannedForm.EMPTY;
    fill(company.id(), model, q, form, null);
    return SettingsPages.htmx(htmx) ? "care/settings/canned :: list" : "care/settings/canned";
  }

  @PostMapping("/c/{slug}/settings/canned")
  String add(
      Actor actor,
      @PathVariable String slug,
      @ModelAttribute CannedFields fields,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return save(actor, slug, null, fields, model, response, redirect);
  }

  @PostMapping("/c/{slug}/settings/canned/{id}")
  String update(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @ModelAttribute CannedFields fields,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return save(actor, slug, id, fields, model, response, redirect);
  }

  @PostMapping("/c/{slug}/settings/canned/{id}/delete")
  String delete(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      RedirectAttributes redirect) {
    CompanyId company = pages.edit(actor, slug).id();
    String title = work.one(company, id).title();
    work.delete(company, id);
    String notice = "“" + title + "” is deleted.";
    if (SettingsPages.htmx(htmx)) {
      pages.read(actor, slug, "canned", model);
      // The list stays searched as it was: htmx sends the search box along.
      fill(company, model, q, CannedForm.EMPTY, null);
      model.addAttribute("listNotice", notice);
      return "care/settings/canned :: list";
    }
    redirect.addFlashAttribute("notice", notice);
    return "redirect:/c/" + slug + "/settings/canned";
  }

  /** What the form posts: never an id, which comes from the address alone. */
  record CannedFields(String title, String body, String language, String intent) {}

  private String save(
      Actor actor,
      String slug,
      Long id,
      CannedFields fields,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CompanyId company = pages.edit(actor, slug).id();
    CannedForm form =
        new CannedForm(id, fields.title(), fields.body(), fields.language(), fields.intent());
    CannedResponses.Canned saved;
    try {
      saved =
          id == null
              ? work.create(company, form.request())
              : work.update(company, id, form.request());
    } catch (ApiException e) {
      if (!SettingsPages.userCanFix(e)) {
        throw e;
      }
      pages.read(actor, slug, "canned", model);
      fill(company, model, null, form, SettingsPages.sentence(e.getMessage()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "care/settings/canned";
    }
    redirect.addFlashAttribute(
        "notice", "“" + saved.title() + "” is " + (id == null ? "added." : "saved."));
    return "redirect:/c/" + slug + "/settings/canned";
  }

  private void fill(CompanyId company, Model model, String q, CannedForm form, String error) {
    model.addAttribute("responses", work.list(company, q));
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("form", form);
    model.addAttribute("formError", error);
    model.addAttribute("variables", CannedTemplate.VARIABLES);
    model.addAttribute("intents", new TreeSet<>(RoutingSetup.INTENTS));
  }
}
