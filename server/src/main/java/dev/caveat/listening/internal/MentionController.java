package dev.caveat.listening.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/companies/{slug}/mentions")
class MentionController {

  static final Set<String> INTENTS =
      Set.of("complaint", "question", "praise", "need", "spam", "other");

  record Author(String handle, String name, String url) {}

  record MentionView(
      long id,
      long postId,
      String source,
      String externalId,
      String url,
      Author author,
      String title,
      String text,
      String language,
      String intent,
      Float sentiment,
      String monitor,
      String caseNumber,
      String cluster,
      int copies,
      Instant published,
      Instant foundAt,
      List<String> urgency,
      Float intentConfidence,
      List<Mentions.Why> reasons,
      boolean intentCorrected,
      List<String> products) {

    static MentionView of(Mentions.Mention m) {
      Author author =
          m.authorHandle() == null && m.authorName() == null && m.authorUrl() == null
              ? null
              : new Author(m.authorHandle(), m.authorName(), m.authorUrl());
      return new MentionView(
          m.id(),
          m.postId(),
          m.source(),
          m.externalId(),
          m.url(),
          author,
          m.title(),
          m.text(),
          m.language(),
          m.intent(),
          m.sentiment(),
          m.monitor(),
          m.caseNumber(),
          m.cluster(),
          m.copies(),
          m.postedAt(),
          m.foundAt(),
          m.urgency(),
          m.intentConfidence(),
          m.reasons(),
          m.intentCorrected(),
          m.products());
    }
  }

  record MentionPage(List<MentionView> items, String nextCursor) {}

  /** A rep's word on what a mention's post wants. */
  record IntentCorrection(String intent) {}

  private final CompanyAccess access;
  private final MentionFeed feed;
  private final Relabelling relabelling;

  MentionController(CompanyAccess access, MentionFeed feed, Relabelling relabelling) {
    this.access = access;
    this.feed = feed;
    this.relabelling = relabelling;
  }

  @GetMapping
  MentionPage list(
      Actor actor,
      @PathVariable String slug,
      @RequestParam(required = false) String intent,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    if (intent != null && !INTENTS.contains(intent)) {
      throw ApiException.badRequest(
          "intent must be one of " + String.join(", ", INTENTS.stream().sorted().toList()));
    }
    MentionFeed.Page page =
        feed.page(company, new Mentions.Filter(instant(since), intent), q, cursor, limit);
    return new MentionPage(page.items().stream().map(MentionView::of).toList(), page.nextCursor());
  }

  @GetMapping("/{id}")
  MentionView one(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return MentionView.of(feed.one(company, id));
  }

  /** Any rep of the company may correct: they are the ones reading the posts. */
  @PostMapping("/{id}/intent")
  MentionView correctIntent(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @RequestBody IntentCorrection correction) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return MentionView.of(
        relabelling.correctIntent(company, id, correction.intent(), actor.name()));
  }

  private static Instant instant(String since) {
    if (since == null || since.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "since must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }
}
