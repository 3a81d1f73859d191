package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replying to a case: sending a reply, written or canned, and "a colleague is replying" — a rep's
 * reply box beats here while they type and hears back who else is writing to the same case, so that
 * two reps do not answer one customer twice.
 */
@RestController
@RequestMapping("/api/v1/companies/{slug}/cases/{number}")
class CaseReplyController {

  /**
   * A reply: its {@code text}, or the id of a {@code canned} response to fill in instead. {@code
   * after} is the newest reply id the rep had seen; a colleague's later reply refuses this one
   * unless {@code force}.
   */
  record NewReply(String text, String visibility, Long canned, Long after, Boolean force) {}

  record Colleagues(List<CaseController.Replier> replying) {}

  private final CompanyAccess access;
  private final Cases cases;
  private final CaseReplying replying;
  private final CannedWork canned;
  private final ReplyingNow replyingNow;

  CaseReplyController(
      CompanyAccess access,
      Cases cases,
      CaseReplying replying,
      CannedWork canned,
      ReplyingNow replyingNow) {
    this.access = access;
    this.cases = cases;
    this.replying = replying;
    this.canned = canned;
    this.replyingNow = replyingNow;
  }

  /** 201 with the reply sent; 202 with a mail kept to try again when its server is down. */
  @PostMapping("/replies")
  ResponseEntity<CaseController.ReplyView> reply(
      Actor actor,
      @PathVariable String slug,
      @PathVariable String number,
      @RequestBody NewReply reply) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    String text = reply.text();
    if (reply.canned() != null) {
      if (text != null && !text.isBlank()) {
        throw ApiException.badRequest(
            "give text or canned, not both: canned fills in a canned response as the text");
      }
      text = canned.render(company, number, reply.canned(), actor.name());
    }
    CaseReplying.Sender sender =
        new CaseReplying.Sender(
            actor.id(), actor.name(), reply.after(), Boolean.TRUE.equals(reply.force()));
    CaseController.ReplyView made =
        CaseController.ReplyView.of(
            replying.reply(company, number, text, reply.visibility(), sender));
    return ResponseEntity.status(
            made.status().equals("sending") ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
        .body(made);
  }

  /** A heartbeat: the caller is writing a reply; answers the colleagues who are too. */
  @PostMapping("/replying")
  Colleagues beat(Actor actor, @PathVariable String slug, @PathVariable String number) {
    long caseId = caseId(actor, slug, number);
    replyingNow.beat(caseId, actor.id(), actor.name());
    return new Colleagues(
        replyingNow.others(caseId, actor.id()).stream().map(CaseController.Replier::of).toList());
  }

  /** The caller closed their reply box without sending. */
  @DeleteMapping("/replying")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void stop(Actor actor, @PathVariable String slug, @PathVariable String number) {
    replyingNow.stopped(caseId(actor, slug, number), actor.id());
  }

  private long caseId(Actor actor, String slug, String number) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return cases.require(company, number).id();
  }
}
