package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.listening.MentionDetails;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person, many accounts: merging two customers into one (by a rep, or by the customer posting a
 * link code from their other account), and undoing it.
 *
 * <p>A merge moves the other customer's identities and cases over. When both had a case open, the
 * other one closes as a duplicate and its mentions join the case that stays open, so the customer
 * has one conversation. Undoing gives the identities and cases back; the duplicate stays closed and
 * its mentions stay where they are now, which the rep can see in both cases' events.
 */
@Service
class CustomerLinks {

  static final Duration CODE_LIFETIME = Duration.ofDays(7);

  private final Customers customers;
  private final Cases cases;
  private final CaseHistory history;
  private final MentionDetails mentions;
  private final QuotedCaseReferences references;
  private final Clock clock;

  CustomerLinks(
      Customers customers,
      Cases cases,
      CaseHistory history,
      MentionDetails mentions,
      QuotedCaseReferences references,
      Clock clock) {
    this.references = references;
    this.customers = customers;
    this.cases = cases;
    this.history = history;
    this.mentions = mentions;
    this.clock = clock;
  }

  /** A code the customer posts from another account to link it; single use, for a week. */
  @Transactional
  Customers.LinkCode newLinkCode(CompanyId company, long customerId) {
    Customers.Customer customer = require(company, customerId);
    Instant now = clock.instant();
    String code = CaseNumbers.linkCode();
    Instant expires = now.plus(CODE_LIFETIME);
    customers.addLinkCode(company, code, customer.id(), now, expires);
    references.linkCodeIssued(company, code);
    return new Customers.LinkCode(code, customer.id(), expires, null);
  }

  /**
   * Links the account that posted a text quoting a link code to the code's customer.
   *
   * @return the customer the poster is now, when a code linked them
   */
  @Transactional
  Optional<Long> linkByCode(CompanyId company, long poster, String text, String who) {
    List<String> codes = CaseNumbers.linkCodesIn(text);
    Optional<Long> owner = customers.useLinkCode(company, codes, clock.instant());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    if (owner.get() != poster) {
      merge(company, owner.get(), poster, "code", who);
    }
    return owner;
  }

  @Transactional
  Customers.Merge merge(CompanyId company, long into, long from, String how, String actor) {
    customers.lock(List.of(into, from));
    Customers.Customer target = require(company, into);
    Customers.Customer other = require(company, from);
    if (into == from) {
      throw ApiException.badRequest("A customer cannot be merged with themselves.");
    }
    if (target.mergedInto() != null || other.mergedInto() != null) {
      throw ApiException.conflict(
          "Customer "
              + (target.mergedInto() != null ? into : from)
              + " is merged into another already; merge with that one.");
    }
    Instant now = clock.instant();
    List<Long> identities = customers.moveIdentities(from, into);
    Optional<Long> keep = cases.openCaseOf(company, into);
    Optional<Long> close = cases.openCaseOf(company, from);
    Long duplicate = null;
    if (keep.isPresent() && close.isPresent()) {
      duplicate = close.get();
      foldInto(company, close.get(), keep.get(), actor, now);
    }
    List<Long> moved = cases.idsOf(from);
    cases.moveToCustomer(moved, into);
    customers.mergedInto(from, into);
    long id =
        customers.recordMerge(company, into, from, identities, moved, duplicate, how, actor, now);
    for (long caseId : keep.or(() -> close).stream().toList()) {
      history.record(
          caseId,
          now,
          actor,
          CaseHistory.CUSTOMER_MERGED,
          "customer "
              + from
              + " merged into customer "
              + into
              + (how.equals("code") ? " by a link code they posted" : " by a rep"));
    }
    return customers.lastMerge(company, into, from).filter(m -> m.id() == id).orElseThrow();
  }

  @Transactional
  Customers.Merge unmerge(CompanyId company, long into, long from, String actor) {
    customers.lock(List.of(into, from));
    Customers.Merge merge =
        customers
            .lastMerge(company, into, from)
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "Customer " + from + " is not merged into customer " + into + "."));
    Instant now = clock.instant();
    customers.moveIdentitiesBack(merge.identityIds(), from, into);
    cases.moveToCustomer(merge.caseIds(), from);
    customers.mergedInto(from, null);
    customers.undone(merge.id(), actor, now);
    for (long caseId : cases.openCaseOf(company, into).stream().toList()) {
      history.record(
          caseId,
          now,
          actor,
          CaseHistory.CUSTOMER_UNMERGED,
          "customer " + from + " split from customer " + into + " again");
    }
    return customers.merges(from).stream()
        .filter(m -> m.id() == merge.id())
        .findFirst()
        .orElseThrow();
  }

  /** Closes one open case as a duplicate of the other and moves its mentions over. */
  private void foldInto(CompanyId company, long duplicate, long keep, String actor, Instant now) {
    Cases.Case kept = cases.find(company, keep).orElseThrow();
    Cases.Case closed = cases.find(company, duplicate).orElseThrow();
    String reason = "the same customer's case " + kept.number() + " goes on";
    cases.resolve(company, duplicate, "duplicate", reason, now);
    history.record(duplicate, now, actor, CaseHistory.RESOLVED, "duplicate: " + reason);
    for (long mention : history.moveMentions(duplicate, keep)) {
      mentions.fileUnderCase(company, mention, kept.number());
      history.record(
          keep,
          now,
          actor,
          CaseHistory.MENTION_ADDED,
          "mention " + mention + " from case " + closed.number() + " (merged)");
    }
    cases.touch(keep, now);
  }

  private Customers.Customer require(CompanyId company, long id) {
    return customers
        .find(company, id)
        .orElseThrow(() -> ApiException.notFound("No customer " + id + " in this company."));
  }
}
