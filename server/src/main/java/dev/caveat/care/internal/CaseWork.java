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
import java.util.Map;
import java.util.Optional;
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

  record Page(List<CaseList.Listed> items, String nextCursor) {}

  record Whole(
      Cases.Case kase,
      List<MentionDetails.Details> mentions,
      List<CaseReplies.Reply> replies,
      List<CaseMessages.Message> messages,
      List<Customers.Identity> identities,
      List<CaseHistory.Note> notes,
      List<CaseHistory.Event> events,
      List<SlaClocks.Clock> clocks,
      Map<UUID, String> names) {}

  private final Cases cases;
  private final CaseList list;
  private final CaseHistory history;
  private final SlaClocks clocks;
  private final CaseReplies replies;
  private final CaseMessages messages;
  private final Customers customers;
  private final MentionDetails mentions;
  private final CompanyMembers members;
  private final Clock clock;

  CaseWork(
      Cases cases,
      CaseList list,
      CaseHistory history,
      SlaClocks clocks,
      CaseReplies replies,
      CaseMessages messages,
      Customers customers,
      MentionDetails mentions,
      CompanyMembers members,
      Clock clock) {
    this.cases = cases;
    this.list = list;
    this.history = history;
    this.clocks = clocks;
    this.replies = replies;
    this.messages = messages;
    this.customers = customers;
    this.mentions = mentions;
    this.members = members;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Page page(CompanyId company, CaseList.Filter filter, String cursor, Integer limit) {
    return page(company, filter, CaseList.Sort.NEWEST, cursor, limit);
  }

  /** A page of cases in the order given; a cursor continues the order it was given out for. */
  @Transactional(readOnly = true)
  Page page(
      CompanyId company, CaseList.Filter filter, CaseList.Sort sort, String cursor, Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    if (filter.statuses() != null && !STATUSES.containsAll(filter.statuses())) {
      throw ApiException.badRequest("status must be one of open, resolved, waiting");
    }
    List<CaseList.Listed> rows = list.page(company, filter, sort, decode(cursor, sort), size + 1);
    if (rows.size() <= size) {
      return new Page(rows, null);
    }
    List<CaseList.Listed> items = List.copyOf(rows.subList(0, size));
    CaseList.Listed last = items.getLast();
    return new Page(items, encode(new CaseList.Position(last.key(), last.kase().id()), sort));
  }

  /** How many cases each view of the inbox holds, for the rep and the teams they are on. */
  @Transactional(readOnly = true)
  CaseList.Counts counts(
      CompanyId company, CaseList.Filter base, String rep, List<String> repTeams) {
    return list.counts(company, base, rep, repTeams);
  }

  @Transactional(readOnly = true)
  Whole whole(CompanyId company, String number) {
    Cases.Case kase = cases.require(company, number);
    return new Whole(
        kase,
        mentions.findAll(company, history.mentionIds(kase.id())),
        replies.of(kase.id()),
        messages.of(kase.id()),
        kase.customer() == null ? List.of() : customers.identities(kase.customer().id()),
        history.notes(kase.id()),
        history.events(kase.id()),
        clocks.of(kase.id()),
        names(company, kase));
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
    Cases.Case kase = cases.require(company, number);
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

  /** Undoes a resolution: the case is open again, with its history kept. */
  @Transactional
  Whole reopen(CompanyId company, String number, String by) {
    Cases.Case kase = cases.require(company, number);
    if ("duplicate".equals(kase.resolution())) {
      throw ApiException.conflict(
          "Case "
              + kase.number()
              + " was closed as a duplicate; its posts live on in the other case. Unmerge the"
              + " customers to get it back.");
    }
    Instant now = clock.instant();
    Optional<Boolean> reopened = cases.reopen(company, kase.id(), now);
    if (reopened.isEmpty()) {
      throw ApiException.conflict(
          "The customer of case "
              + kase.number()
              + " has another case open; work that one, or resolve it first.");
    }
    if (!reopened.get()) {
      throw ApiException.conflict("Case " + kase.number() + " is not resolved.");
    }
    history.record(kase.id(), now, by, CaseHistory.REOPENED, "by a rep: was " + kase.resolution());
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
    Cases.Case kase = cases.require(company, number);
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

  /** The newest-first cursor keeps the form the API always gave out: "instant|id". */
  private static String encode(CaseList.Position position, CaseList.Sort sort) {
    String raw =
        position.key()
            + "|"
            + position.id()
            + (sort == CaseList.Sort.NEWEST ? "" : "|" + sort.code());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static CaseList.Position decode(String cursor, CaseList.Sort sort) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      String order = parts.length > 2 ? parts[2] : CaseList.Sort.NEWEST.code();
      if (!order.equals(sort.code())) {
        throw new IllegalArgumentException("cursor of another order");
      }
      return new CaseList.Position(Instant.parse(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "cursor is not one this API gave out for this order; start again without it");
    }
  }
}
