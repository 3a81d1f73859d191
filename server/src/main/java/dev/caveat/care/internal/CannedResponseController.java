package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's canned responses. Reps read them and fill one in for a case; leads and admins write
 * them.
 */
@RestController
@RequestMapping("/api/v1/companies/{slug}")
class CannedResponseController {

  record CannedView(
      long id,
      String title,
      String body,
      String language,
      String intent,
      List<String> variables,
      Instant createdAt,
      Instant updatedAt) {

    static CannedView of(CannedResponses.Canned c) {
      return new CannedView(
          c.id(),
          c.title(),
          c.body(),
          c.language(),
          c.intent(),
          CannedTemplate.used(c.body()),
          c.createdAt(),
          c.updatedAt());
    }
  }

  record CannedList(List<CannedView> items) {}

  record Rendered(String text) {}

  private final CompanyAccess access;
  private final CannedWork work;

  CannedResponseController(CompanyAccess access, CannedWork work) {
    this.access = access;
    this.work = work;
  }

  /** By title; {@code q} keeps those whose title or body contains it. */
  @GetMapping("/canned-responses")
  CannedList list(
      Actor actor, @PathVariable String slug, @RequestParam(required = false) String q) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return new CannedList(work.list(company, q).stream().map(CannedView::of).toList());
  }

  @GetMapping("/canned-responses/{id}")
  CannedView one(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return CannedView.of(work.one(company, id));
  }

  @PostMapping("/canned-responses")
  ResponseEntity<CannedView> create(
      Actor actor, @PathVariable String slug, @RequestBody CannedWork.CannedRequest request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    CannedResponses.Canned created = work.create(company, request);
    return ResponseEntity.created(
            URI.create("/api/v1/companies/" + slug + "/canned-responses/" + created.id()))
        .body(CannedView.of(created));
  }

  @PutMapping("/canned-responses/{id}")
  CannedView update(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @RequestBody CannedWork.CannedRequest request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    return CannedView.of(work.update(company, id, request));
  }

  @DeleteMapping("/canned-responses/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    work.delete(company, id);
  }

  /** The response filled in for the case, signed with the name of whoever asks. */
  @GetMapping("/cases/{number}/canned-responses/{id}")
  Rendered render(
      Actor actor, @PathVariable String slug, @PathVariable String number, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return new Rendered(work.render(company, number, id, actor.name()));
  }
}
