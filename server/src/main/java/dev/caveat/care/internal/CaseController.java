package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import dev.caveat.listening.MentionDetails;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A company's cases. Reps work them: reading is all the permission it takes. */
@RestController
@RequestMapping("/api/v1/companies/{slug}/cases")
class CaseController {

  record CustomerView(
      long id,
      String source,
      String handle,
      String name,
      List<CustomerController.IdentityView> identities) {}

  record CaseSummary(
      String number,
      String status,
      String resolution,
      CustomerView customer,
      String team,
      String assignee,
      String intent,
      int mentions,
      Instant openedAt,
      Instant updatedAt) {

    static CaseSummary of(Cases.Case c) {
      return new CaseSummary(
          c.number(),
          c.status(),
          c.resolution(),
          customerOf(c, null),
          c.team(),
          c.assignee(),
          c.intent(),
          c.mentions(),
          c.openedAt(),
          c.updatedAt());
    }
  }

  record CasePage(List<CaseSummary> items, String nextCursor) {}

  record Author(String handle, String name) {}

  record MentionView(
      long id,
      String source,
      String externalId,
      String url,
      Author author,
      String text,
      String intent,
      Instant published) {

    static MentionView of(MentionDetails.Details m) {
      return new MentionView(
          m.id(),
          m.source(),
          m.externalId(),
          m.url(),
          m.authorHandle() == null && m.authorName() == null
              ? null
              : new Author(m.authorHandle(), m.authorName()),
          m.text(),
          m.intent(),
          m.postedAt());
    }
  }

  record CaseView(
      String number,
      String status,
      String resolution,
      String reason,
      CustomerView customer,
      String team,
      String assignee,
      String intent,
      Instant openedAt,
      Instant updatedAt,
      Instant resolvedAt,
      List<MentionView> mentions,
      List<ReplyView> replies,
      List<CaseHistory.Note> notes,
      List<CaseHistory.Event> events) {

    static CaseView of(CaseWork.Whole whole) {
      Cases.Case c = whole.kase();
      return new CaseView(
          c.number(),
          c.status(),
          c.resolution(),
          c.reason(),
          customerOf(c, whole.identities()),
          c.team(),
          c.assignee(),
          c.intent(),
          c.openedAt(),
          c.updatedAt(),
          c.resolvedAt(),
          whole.mentions().stream().map(MentionView::of).toList(),
          whole.replies().stream().map(ReplyView::of).toList(),
          whole.notes(),
          whole.events());
    }
  }

  record ReplyView(
      long id,
      String visibility,
      String author,
      String text,
      String sentText,
      String status,
      Long mentionId,
      String url,
      String error,
      Instant createdAt,
      Instant sentAt) {

    static ReplyView of(CaseReplies.Reply r) {
      return new ReplyView(
          r.id(),
          r.visibility(),
          r.author(),
          r.text(),
          r.sentText(),
          r.status(),
          r.mentionId(),
          r.remoteUrl(),
          r.error(),
          r.createdAt(),
          r.sentAt());
    }
  }

  record NewReply(String text, String visibility) {}

  record Resolve(String resolution, String reason) {}

  record NewNote(String text) {}

  private final CompanyAccess access;
  private final CaseWork work;
  private final CaseReplying replying;

  CaseController(CompanyAccess access, CaseWork work, CaseReplying replying) {
    this.access = access;
    this.work = work;
    this.replying = replying;
  }

  @GetMapping
  CasePage list(
      Actor actor,
      @PathVariable String slug,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    CaseWork.Page page = work.page(company, new Cases.Filter(status, assignee), cursor, limit);
    return new CasePage(page.items().stream().map(CaseSummary::of).toList(), page.nextCursor());
  }

  @GetMapping("/{number}")
  CaseView one(Actor actor, @PathVariable String slug, @PathVariable String number) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return CaseView.of(work.whole(company, number));
  }

  @PostMapping("/{number}/resolve")
  CaseView resolve(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestBody Resolve resolve) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return CaseView.of(
        work.resolve(company, number, resolve.resolution(), resolve.reason(), actor.name()));
  }

  @PostMapping("/{number}/replies")
  @ResponseStatus(HttpStatus.CREATED)
  ReplyView reply(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestBody NewReply reply) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return ReplyView.of(
        replying.reply(company, number, reply.text(), reply.visibility(), actor.name()));
  }

  @PostMapping("/{number}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  CaseHistory.Note addNote(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestBody NewNote note) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return work.addNote(company, number, note.text(), actor.name());
  }

  private static CustomerView customerOf(Cases.Case c, List<Customers.Identity> identities) {
    Cases.Customer u = c.customer();
    return u == null
        ? null
        : new CustomerView(
            u.id(),
            u.source(),
            u.handle(),
            u.name(),
            identities == null
                ? null
                : identities.stream().map(CustomerController.IdentityView::of).toList());
  }
}
