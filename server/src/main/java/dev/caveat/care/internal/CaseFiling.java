package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.listening.MentionDetails;
import dev.caveat.listening.MentionFound;
import dev.caveat.listening.MentionRelabelled;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Files every new mention under a case: the case its text quotes, else its author's open case, else
 * — when it asks or complains — a new one.
 */
@Service
class CaseFiling {

  private static final Logger log = LoggerFactory.getLogger(CaseFiling.class);

  /** Intents that open a case: someone wants an answer. */
  static final Set<String> ACTIONABLE = Set.of("complaint", "question");

  /** Intents that never join a customer's case on their own: they are not the conversation. */
  static final Set<String> NOT_A_FOLLOW_UP = Set.of("spam", "need");

  static final String CAVEAT = "Caveat";

  private final Cases cases;
  private final Customers customers;
  private final CustomerLinks links;
  private final CaseHistory history;
  private final CaseRouter router;
  private final SlaClocks clocks;
  private final MentionDetails mentions;
  private final CaseOpening opening;
  private final Clock clock;

  CaseFiling(
      Cases cases,
      Customers customers,
      CustomerLinks links,
      CaseHistory history,
      CaseRouter router,
      SlaClocks clocks,
      MentionDetails mentions,
      CaseOpening opening,
      Clock clock) {
    this.cases = cases;
    this.customers = customers;
    this.links = links;
    this.history = history;
    this.router = router;
    this.clocks = clocks;
    this.mentions = mentions;
    this.opening = opening;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(MentionFound found) {
    file(found.company(), found.mentionId());
  }

  /** A mention read as praise and corrected to a complaint is a case after all. */
  @ApplicationModuleListener
  void on(MentionRelabelled relabelled) {
    file(relabelled.company(), relabelled.mentionId());
  }

  void file(CompanyId company, long mentionId) {
    if (history.isFiled(mentionId)) {
      return;
    }
    Optional<MentionDetails.Details> found = mentions.find(company, mentionId);
    if (found.isEmpty()) {
      return;
    }
    MentionDetails.Details mention = found.get();
    Instant now = clock.instant();
    Long customer =
        mention.authorHandle() == null || mention.authorHandle().isBlank()
            ? null
            : customers.resolveAndLock(
                company,
                mention.source(),
                mention.authorHandle(),
                mention.authorName(),
                mention.authorUrl(),
                now);
    if (customer != null) {
      // A link code posted from this account makes it one more account of the code's customer.
      customer = links.linkByCode(company, customer, mention.text(), who(mention)).orElse(customer);
    }
    Optional<Cases.Case> quoted =
        cases.firstWithNumber(company, CaseNumbers.quotedIn(mention.text()));
    if (quoted.isPresent()) {
      attach(company, quoted.get().id(), quoted.get().number(), mention, "quoted", now);
      return;
    }
    String intent = mention.intent();
    if (customer != null && !NOT_A_FOLLOW_UP.contains(intent)) {
      Optional<Long> open = cases.openCaseOf(company, customer);
      if (open.isPresent()) {
        attach(company, open.get(), null, mention, "follow-up", now);
        return;
      }
    }
    if (ACTIONABLE.contains(intent)) {
      openCase(company, customer, mention, now);
    }
  }

  private void openCase(
      CompanyId company, Long customer, MentionDetails.Details mention, Instant now) {
    CaseOpening.Opened opened =
        opening.open(company, customer, mention.intent(), mention.language(), now);
    if (!opened.fresh()) {
      attach(company, opened.id(), null, mention, "follow-up", now);
      return;
    }
    history.record(
        opened.id(),
        now,
        CAVEAT,
        CaseHistory.OPENED,
        "a " + mention.intent() + " by " + who(mention));
    attach(company, opened.id(), opened.number(), mention, "opened", now);
    clocks.opened(opened.id(), now);
    router.route(company, opened.id(), customer, mention, now);
    log.info("Case {} opened for mention {}", opened.number(), mention.id());
  }

  private void attach(
      CompanyId company,
      long caseId,
      String number,
      MentionDetails.Details mention,
      String how,
      Instant now) {
    if (!history.attach(caseId, mention.id(), how, now)) {
      return;
    }
    String caseNumber =
        number != null ? number : cases.find(company, caseId).orElseThrow().number();
    history.record(
        caseId,
        now,
        CAVEAT,
        CaseHistory.MENTION_ADDED,
        "mention " + mention.id() + " by " + who(mention) + " (" + how + ")");
    cases.touch(caseId, now);
    if (!how.equals("opened") && cases.customerWrote(caseId, now)) {
      clocks.customerWrote(caseId, now);
      history.record(
          caseId, now, CAVEAT, CaseHistory.REOPENED, "a new post while waiting on the customer");
    }
    mentions.fileUnderCase(company, mention.id(), caseNumber);
  }

  private static String who(MentionDetails.Details mention) {
    String handle = mention.authorHandle() == null ? "someone" : mention.authorHandle();
    return handle + " on " + mention.source();
  }
}
