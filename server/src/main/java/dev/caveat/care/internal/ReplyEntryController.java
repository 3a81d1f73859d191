package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.listening.MentionDetails;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One public reply as an h-entry: in reply to the customer's post, by the company's verified rep,
 * with the case number. A blog that receives the reply's Webmention reads this page; so can anyone,
 * as the reply is public. It is shown while the reply goes out and after, never for a private or
 * failed reply.
 */
@Controller
class ReplyEntryController {

  private final CompanyDirectory companies;
  private final Cases cases;
  private final CaseReplies replies;
  private final MentionDetails mentions;
  private final CasePages pages;

  ReplyEntryController(
      CompanyDirectory companies,
      Cases cases,
      CaseReplies replies,
      MentionDetails mentions,
      CasePages pages) {
    this.companies = companies;
    this.cases = cases;
    this.replies = replies;
    this.mentions = mentions;
    this.pages = pages;
  }

  @GetMapping("/cases/{slug}/{number}/replies/{id}")
  @Transactional(readOnly = true)
  String show(
      @PathVariable String slug, @PathVariable String number, @PathVariable long id, Model model) {
    Company company = companies.findBySlug(slug).orElseThrow(ReplyEntryController::notFound);
    Cases.Case kase =
        cases
            .find(company.id(), number.toUpperCase(Locale.ROOT))
            .orElseThrow(ReplyEntryController::notFound);
    CaseReplies.Reply reply =
        replies
            .find(kase.id(), id)
            .filter(r -> r.visibility().equals("public") && !r.status().equals("failed"))
            .filter(r -> r.mentionId() != null)
            .orElseThrow(ReplyEntryController::notFound);
    MentionDetails.Details answered =
        mentions.find(company.id(), reply.mentionId()).orElseThrow(ReplyEntryController::notFound);
    model.addAttribute("company", company);
    model.addAttribute("kase", kase);
    model.addAttribute("reply", reply);
    model.addAttribute("inReplyTo", answered.url());
    model.addAttribute("self", pages.replyPage(company.id(), kase, reply.id()));
    model.addAttribute("published", reply.sentAt() != null ? reply.sentAt() : reply.createdAt());
    return "care/reply-entry";
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
