package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the case page's reply box asks while a rep writes: a canned response filled in for the case,
 * and who else is writing to the same customer right now.
 */
@RestController
class ReplyBoxController {

  /** Colleagues writing a reply to the case, by name, for the page's warning. */
  record Writing(List<String> names) {}

  private final CompanyAccess access;
  private final Cases cases;
  private final CannedWork canned;
  private final ReplyingNow replyingNow;

  ReplyBoxController(
      CompanyAccess access, Cases cases, CannedWork canned, ReplyingNow replyingNow) {
    this.access = access;
    this.cases = cases;
    this.canned = canned;
    this.replyingNow = replyingNow;
  }

  @GetMapping("/c/{slug}/cases/{number}/canned/{id}")
  Map<String, String> canned(
      Actor actor, @PathVariable String slug, @PathVariable String number, @PathVariable long id) {
    Company company = access.require(actor, slug, Permission.READ);
    return Map.of("text", canned.render(company.id(), number, id, actor.name()));
  }

  /** Who else is writing; asked every few seconds while the case page is open. */
  @GetMapping("/c/{slug}/cases/{number}/replying")
  Writing others(Actor actor, @PathVariable String slug, @PathVariable String number) {
    return writing(actor, caseId(actor, slug, number));
  }

  /** The rep is writing a reply: a beat while they type. */
  @PostMapping("/c/{slug}/cases/{number}/replying")
  Writing beat(Actor actor, @PathVariable String slug, @PathVariable String number) {
    long caseId = caseId(actor, slug, number);
    replyingNow.beat(caseId, actor.id(), actor.name());
    return writing(actor, caseId);
  }

  private Writing writing(Actor actor, long caseId) {
    return new Writing(
        replyingNow.others(caseId, actor.id()).stream().map(ReplyingNow.Replier::name).toList());
  }

  private long caseId(Actor actor, String slug, String number) {
    Company company = access.require(actor, slug, Permission.READ);
    return cases.require(company.id(), number).id();
  }
}
