package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.listening.MentionDetails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page where a customer, or anyone they show it to, follows a case: its number and code open
 * it. It shows only what is public anyway — the customer's posts, the public replies and who wrote
 * them, and how the case ended, with the reason when the company explained it could not help.
 */
@Controller
class PublicCaseController {

  /** A public reply as the page shows it: who of the company wrote what, and where it is. */
  record PublicReply(String author, String text, String url, java.time.Instant at) {}

  private final CompanyDirectory companies;
  private final Cases cases;
  private final CaseHistory history;
  private final CaseReplies replies;
  private final MentionDetails mentions;

  PublicCaseController(
      CompanyDirectory companies,
      Cases cases,
      CaseHistory history,
      CaseReplies replies,
      MentionDetails mentions) {
    this.companies = companies;
    this.cases = cases;
    this.history = history;
    this.replies = replies;
    this.mentions = mentions;
  }

  @GetMapping("/cases/{slug}/{number}")
  @Transactional(readOnly = true)
  String show(
      @PathVariable String slug,
      @PathVariable String number,
      @RequestParam(required = false) String code,
      Model model) {
    Company company =
        companies
            .findBySlug(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String upper = number.toUpperCase(Locale.ROOT);
    model.addAttribute("company", company);
    model.addAttribute("number", upper);
    if (code == null || code.isBlank()) {
      return "care/case-code";
    }
    Optional<Cases.Case> found =
        cases.find(company.id(), upper).filter(c -> sameCode(c.code(), code));
    if (found.isEmpty()) {
      model.addAttribute("wrongCode", true);
      return "care/case-code";
    }
    Cases.Case kase = found.get();
    List<PublicReply> answers =
        replies.of(kase.id()).stream()
            .filter(r -> r.visibility().equals("public") && r.status().equals("sent"))
            .map(r -> new PublicReply(r.author(), r.text(), r.remoteUrl(), r.sentAt()))
            .toList();
    model.addAttribute("kase", kase);
    model.addAttribute("posts", mentions.findAll(company.id(), history.mentionIds(kase.id())));
    model.addAttribute("replies", answers);
    return "care/case-public";
  }

  /** Compared in constant time, so the code cannot be found one character at a time. */
  private static boolean sameCode(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8),
        given.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }
}
