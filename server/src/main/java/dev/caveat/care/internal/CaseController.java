package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import dev.caveat.listening.MentionDetails;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
      UUID escalatedTo,
      String intent,
      int mentions,
      Instant openedAt,
      Instant updatedAt,
      String language,
      Instant dueAt,
      boolean breached) {

    static CaseSummary of(CaseList.Listed listed) {
      return of(listed.kase(), listed.dueAt(), listed.breached());
    }

    /** A case without its SLA marks, as an action on it answers. */
    static CaseSummary of(Cases.Case c) {
      return of(c, null, false);
    }

    private static CaseSummary of(Cases.Case c, Instant dueAt, boolean breached) {
      return new CaseSummary(
          c.number(),
          c.status(),
          c.resolution(),
          customerOf(c, null),
          c.team(),
          c.assignee(),
          c.escalatedTo(),
          c.intent(),
          c.mentions(),
          c.openedAt(),
          c.updatedAt(),
          c.language(),
          dueAt,
          breached);
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
      String assigneeName,
      Person escalatedTo,
      String intent,
      Instant openedAt,
      Instant updatedAt,
      Instant resolvedAt,
      List<MentionView> mentions,
      List<ReplyView> replies,
      List<MessageView> messages,
      List<CaseHistory.Note> notes,
      List<CaseHistory.Event> events,
      List<SlaView> sla,
      Instant dueAt,
      List<Replier> replying) {

    /** The case whole; {@code replying} lists the colleagues writing a reply to it right now. */
    static CaseView of(CaseWork.Whole whole, List<ReplyingNow.Replier> replying) {
      Cases.Case c = whole.kase();
      return new CaseView(
          c.number(),
          c.status(),
          c.resolution(),
          c.reason(),
          customerOf(c, whole.identities()),
          c.team(),
          c.assignee(),
          c.assignee() == null ? null : whole.names().get(UUID.fromString(c.assignee())),
          c.escalatedTo() == null
              ? null
              : new Person(c.escalatedTo(), whole.names().get(c.escalatedTo())),
          c.intent(),
          c.openedAt(),
          c.updatedAt(),
          c.resolvedAt(),
          whole.mentions().stream().map(MentionView::of).toList(),
          whole.replies().stream().map(ReplyView::of).toList(),
          whole.messages().stream().map(MessageView::of).toList(),
          whole.notes(),
          whole.events(),
          whole.clocks().stream().map(SlaView::of).toList(),
          whole.clocks().stream()
              .filter(k -> k.stoppedAt() == null && k.dueAt() != null)
              .map(SlaClocks.Clock::dueAt)
              .min(Comparator.naturalOrder())
              .orElse(null),
          replying.stream().map(Replier::of).toList());
    }
  }

  /** A colleague writing a reply to the case, since when. */
  record Replier(UUID id, String name, Instant since) {

    static Replier of(ReplyingNow.Replier r) {
      return new Replier(r.id(), r.name(), r.since());
    }
  }

  record Person(UUID id, String name) {}

  /**
   * One SLA clock of the case: when it started and stopped, whether it warned or breached, and when
   * it falls due while it runs.
   */
  record SlaView(
      String target,
      Instant startedAt,
      Instant stoppedAt,
      Instant warnedAt,
      Instant breachedAt,
      Instant dueAt) {

    static SlaView of(SlaClocks.Clock k) {
      return new SlaView(
          k.target(), k.startedAt(), k.stoppedAt(), k.warnedAt(), k.breachedAt(), k.dueAt());
    }
  }

  record Assign(UUID assignee) {}

  record RepRequest(String name) {}

  record RepRequestOutcome(boolean honoured, CaseSummary kase) {}

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

  /** What the customer wrote to the case by e-mail, without the mail they quoted. */
  record MessageView(
      long id,
      String channel,
      String from,
      String subject,
      String text,
      String messageId,
      Instant receivedAt) {

    static MessageView of(CaseMessages.Message m) {
      return new MessageView(
          m.id(), m.channel(), m.from(), m.subject(), m.text(), m.messageId(), m.receivedAt());
    }
  }

  record Resolve(String resolution, String reason) {}

  record NewNote(String text) {}

  private final CompanyAccess access;
  private final CaseWork work;
  private final CaseAssignment assignment;
  private final ReplyingNow replyingNow;

  CaseController(
      CompanyAccess access, CaseWork work, CaseAssignment assignment, ReplyingNow replyingNow) {
    this.replyingNow = replyingNow;
    this.assignment = assignment;
    this.access = access;
    this.work = work;
  }

  /**
   * Newest first unless {@code sort} says {@code oldest} or {@code due} (soonest due by the running
   * SLA clocks); {@code breaching=true} keeps the cases with a running clock that warned or
   * breached.
   */
  @GetMapping
  CasePage list(
      Actor actor,
      @PathVariable String slug,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) boolean unassigned,
      @RequestParam(required = false) boolean breaching,
      @RequestParam(required = false) String intent,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    String who = "me".equals(assignee) ? actor.id().toString() : assignee;
    CaseList.Filter filter =
        CaseList.Filter.ANY
            .withStatuses(status == null ? null : Set.of(status))
            .withAssignee(who)
            .withTeam(team)
            .withUnassigned(unassigned)
            .withBreaching(breaching)
            .withIntent(intent)
            .withLanguage(language);
    CaseWork.Page page = work.page(company, filter, CaseList.Sort.of(sort), cursor, limit);
    return new CasePage(page.items().stream().map(CaseSummary::of).toList(), page.nextCursor());
  }

  @GetMapping("/{number}")
  CaseView one(Actor actor, @PathVariable String slug, @PathVariable String number) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return view(work.whole(company, number), actor);
  }

  @PostMapping("/{number}/resolve")
  CaseView resolve(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestBody Resolve resolve) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return view(
        work.resolve(company, number, resolve.resolution(), resolve.reason(), actor.name()), actor);
  }

  /** Undoes a resolution; the case's whole history stays. */
  @PostMapping("/{number}/reopen")
  CaseView reopen(Actor actor, @PathVariable String slug, @PathVariable String number) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return view(work.reopen(company, number, actor.name()), actor);
  }

  /** Gives the case to a rep (their user id), or to nobody with a null assignee. */
  @PostMapping("/{number}/assign")
  CaseSummary assign(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestBody Assign assign) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return CaseSummary.of(assignment.assign(company, number, assign.assignee(), actor.name()));
  }

  /** A customer's request for a rep by name, passed on by whoever heard it. */
  @PostMapping("/{number}/rep-request")
  RepRequestOutcome requestRep(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestBody RepRequest request) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    CaseAssignment.Outcome outcome =
        assignment.requestRep(company, number, request.name(), "through " + actor.name());
    return new RepRequestOutcome(outcome.honoured(), CaseSummary.of(outcome.kase()));
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

  private CaseView view(CaseWork.Whole whole, Actor actor) {
    return CaseView.of(whole, replyingNow.others(whole.kase().id(), actor.id()));
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
