package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.account.CompanyMembers;
import dev.caveat.listening.MentionDetails;
import dev.caveat.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What reps do with a company's cases: list them, read one whole, resolve it, add notes. */
@Service
class CaseWork {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  static final int MAX_REASON = 2000;
  static final int MAX_NOTE = 10_000;
  static final Set<String> STATUSES = Set.of("open", "waiting", "resolved");
  static final Set<String> RESOLUTIONS = Set.of("solved", "explained", "duplicate", "spam");

  /** A page of cases; {@code due} holds, per case id, its earliest running SLA clock's due time. */
  record Page(List<Cases.Case> items, String nextCursor, Map<Long, Instant> due) {}

  record Whole(
      Cases.Case kase,
      List<MentionDetails.Details> mentions,
      List<CaseReplies.Reply> replies,
      List<Customers.Identity> identities,
      List<CaseHistory.Note> notes,
      List<CaseHistory.Event> events,
      List<SlaClocks.Clock> clocks,
      Map<UUID, String> names,
      Map<Long, Instant> dues) {

    /** When the case's earliest running SLA clock falls due; null when nothing is due. */
    Instant due() {
      return SlaDueTimes.earliestRunning(clocks, dues);
    }
  }

  private final Cases cases;
  private final CaseHistory history;
  private final SlaClocks clocks;
  private final CaseReplies replies;
  private final Customers customers;
  private final MentionDetails mentions;
  private final CompanyMembers members;
  private final SlaDueTimes dueTimes;
  private final Clock clock;

  CaseWork(
      Cases cases,
      CaseHistory history,
      SlaClocks clocks,
      CaseReplies replies,
      Customers customers,
      MentionDetails mentions,
      CompanyMembers members,
      SlaDueTimes dueTimes,
      Clock clock) {
    this.cases = cases;
    this.history = history;
    this.clocks = clocks;
    this.replies = replies;
    this.customers = customers;
    this.mentions = mentions;
    this.members = members;
    this.dueTimes = dueTimes;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Page page(CompanyId company, Cases.Filter filter, String cursor, Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    if (filter.status() != null && !STATUSES.contains(filter.status())) {
      throw ApiException.badRequest("status must be one of open, resolved, waiting");
    }
    List<Cases.Case> rows = cases.page(company, filter, decode(cursor), size + 1);
    if (rows.size() <= size) {
      return new Page(rows, null, dueTimes.earliest(company, rows));
    }
    List<Cases.Case> items = List.copyOf(rows.subList(0, size));
    Cases.Case last = items.getLast();
    return new Page(
        items,
        encode(new Cases.Position(last.openedAt(), last.id())),
        dueTimes.earliest(company, items));
  }

  @Transactional(readOnly = true)
  Whole whole(CompanyId company, String number) {
    Cases.Case kase = require(company, number);
    List<SlaClocks.Clock> caseClocks = clocks.of(kase.id());
    return new Whole(
        kase,
        mentions.findAll(company, history.mentionIds(kase.id())),
        replies.of(kase.id()),
        kase.customer() == null ? List.of() : customers.identities(kase.customer().id()),
        history.notes(kase.id()),
        history.events(kase.id()),
        caseClocks,
        names(company, kase),
        dueTimes.of(company, kase, caseClocks));
  }

  @Transactional
  Whole resolve(CompanyId company, String number, String resolution, String reason, String by) {
    if (resolution == null || !RESOLUTIONS.contains(resolution)) {
      throw ApiException.badRequest("resolution must be one of duplicate, explained, solved, spam");
    }
    String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
    if (resolution.equals("explained") && cleanReason == null) {
      throw ApiException.badRequest(
          "reason is required when the resolution is 'explained': say why we can't help, the"
              + " customer will read it");
    }
    if (cleanReason != null && cleanReason.length() > MAX_REASON) {
      throw ApiException.badRequest("reason must be at most " + MAX_REASON + " characters");
    }
    Cases.Case kase = require(company, number);
    Instant now = clock.instant();
    if (!cases.resolve(company, kase.id(), resolution, cleanReason, now)) {
      throw ApiException.conflict(
          "Case " + kase.number() + " is resolved already; it cannot be resolved again.");
    }
    clocks.resolved(kase.id(), now);
    history.record(
        kase.id(),
        now,
        by,
        CaseHistory.RESOLVED,
        cleanReason == null ? resolution : resolution + ": " + cleanReason);
    return whole(company, kase.number());
  }

  @Transactional
  CaseHistory.Note addNote(CompanyId company, String number, String text, String by) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("text is required");
    }
    if (text.length() > MAX_NOTE) {
      throw ApiException.badRequest("text must be at most " + MAX_NOTE + " characters");
    }
    Cases.Case kase = require(company, number);
    Instant now = clock.instant();
    CaseHistory.Note note = history.addNote(kase.id(), by, text.strip(), now);
    history.record(kase.id(), now, by, CaseHistory.NOTE_ADDED, "note " + note.id());
    cases.touch(kase.id(), now);
    return note;
  }

  /** The names of the people the case names: its assignee and whom it escalated to. */
  private Map<UUID, String> names(CompanyId company, Cases.Case kase) {
    Set<UUID> ids = new HashSet<>();
    if (kase.assignee() != null) {
      ids.add(UUID.fromString(kase.assignee()));
    }
    if (kase.escalatedTo() != null) {
      ids.add(kase.escalatedTo());
    }
    Map<UUID, String> names = new HashMap<>();
    members.findAll(company, ids).forEach(m -> names.put(m.id(), m.name()));
    return names;
  }

  /** When the case's earliest running SLA clock falls due; null when nothing is due. */
  @Transactional(readOnly = true)
  Instant due(CompanyId company, Cases.Case kase) {
    return dueTimes.earliest(company, List.of(kase)).get(kase.id());
  }

  private Cases.Case require(CompanyId company, String number) {
    return cases
        .find(company, number.toUpperCase(Locale.ROOT))
        .orElseThrow(() -> ApiException.notFound("No case " + number + " in this company."));
  }

  private static String encode(Cases.Position position) {
    String raw = position.openedAt() + "|" + position.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Cases.Position decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new Cases.Position(
          Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ApiException.badRequest("cursor is not one this API gave out; start again without it");
    }
  }
}
