package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.listening.MentionDetails;
import dev.caveat.platform.ApiException;
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
import org.springframework.web.bind.annotation.PostMapping;
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
  private final CaseAssignment assignment;

  PublicCaseController(
      CompanyDirectory companies,
      Cases cases,
      CaseHistory history,
      CaseReplies replies,
      MentionDetails mentions,
      CaseAssignment assignment) {
    this.assignment = assignment;
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

  /**
   * The customer asks for a rep by name. Honoured when that rep is available and under capacity;
   * either way the page says what happened.
   */
  @PostMapping("/cases/{slug}/{number}/rep")
  String requestRep(
      @PathVariable String slug,
      @PathVariable String number,
      @RequestParam String code,
      @RequestParam(required = false) String name,
      Model model) {
    Company company =
        companies
            .findBySlug(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String upper = number.toUpperCase(Locale.ROOT);
    boolean known =
        cases.find(company.id(), upper).filter(c -> sameCode(c.code(), code)).isPresent();
    if (known) {
      String said;
      try {
        said =
            assignment.requestRep(company.id(), upper, name, "on the case page").honoured()
                ? name.strip() + " will take your case."
                : name.strip()
                    + " cannot take your case right now; it stays with the team, and the next"
                    + " free rep will answer.";
      } catch (ApiException e) {
        said = e.getMessage();
      }
      model.addAttribute("repRequest", said);
    }
    return show(slug, number, code, model);
  }

  /** Compared in constant time, so the code cannot be found one character at a time. */
  private static boolean sameCode(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8),
        given.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }
}
