package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import dev.caveat.relay.Mail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A private reply goes by e-mail to the customer's address, from the case's masked address, with
 * the case number and its public page like a public reply. The reply and its mail are stored in one
 * transaction before anything goes out; a mail server that cannot be reached leaves the reply
 * {@code sending} while the relay tries again, and the outcome arrives later by event.
 */
@Service
class PrivateReplying {

  static final String EMAIL = "email";

  /** How a mail names the reply it carries, so that its outcome finds the reply again. */
  static final String REFERENCE = "case-reply-";

  private final Cases cases;
  private final CaseReplies replies;
  private final CaseHistory history;
  private final SlaClocks clocks;
  private final Customers customers;
  private final CasePages pages;
  private final CompanyDirectory companies;
  private final Mail mail;
  private final TransactionTemplate transactions;
  private final Clock clock;

  PrivateReplying(
      Cases cases,
      CaseReplies replies,
      CaseHistory history,
      SlaClocks clocks,
      Customers customers,
      CasePages pages,
      CompanyDirectory companies,
      Mail mail,
      TransactionTemplate transactions,
      Clock clock) {
    this.cases = cases;
    this.replies = replies;
    this.history = history;
    this.clocks = clocks;
    this.customers = customers;
    this.pages = pages;
    this.companies = companies;
    this.mail = mail;
    this.transactions = transactions;
    this.clock = clock;
  }

  CaseReplies.Reply reply(
      CompanyId company, Cases.Case kase, String text, CaseReplying.Sender sender) {
    String rep = sender.name();
    if (!mail.configured()) {
      throw ApiException.conflict(
          "E-mail is not configured on this hub, so private replies cannot go out. Reply in"
              + " public, or ask the hub's operator to set caveat.mail.smtp.host.");
    }
    String to =
        emailOf(kase)
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "The customer of case "
                            + kase.number()
                            + " has no e-mail address; add one to the customer (source"
                            + " \"email\") or reply in public."));
    if (mail.stopped(company, kase.number())) {
      throw stopped(kase);
    }
    String sentText = text + "\n\n" + pages.signature(company, kase);
    String subject =
        "Case "
            + kase.number()
            + " with "
            + companies.find(company).map(Company::name).orElse(kase.number());
    Instant now = clock.instant();
    long[] ids;
    try {
      ids =
          transactions.execute(
              status -> {
                long id =
                    replies.sending(
                        kase.id(), null, "private", rep, sender.id(), text, sentText, now);
                long letter =
                    mail.queue(
                        new Mail.Letter(
                            company, kase.number(), REFERENCE + id, to, subject, sentText));
                return new long[] {id, letter};
              });
    } catch (IllegalStateException e) {
      if (mail.stopped(company, kase.number())) {
        // The customer stopped mail between the check and the queue.
        throw stopped(kase);
      }
      throw e;
    }
    long id = ids[0];
    Mail.Delivery delivery = mail.deliver(ids[1]);
    switch (delivery.status()) {
      case SENT ->
          settleSent(company, id, delivery.messageId(), "by e-mail to " + to, clock.instant());
      case RETRYING ->
          replies.delayed(
              id,
              (delivery.error() == null ? "the mail is on its way" : delivery.error())
                  + "; Caveat tries again from "
                  + delivery.nextAttempt());
      case FAILED -> {
        settleFailed(company, id, delivery.error(), clock.instant());
        throw new ApiException(
            HttpStatus.CONFLICT,
            "The mail server did not take the reply: "
                + delivery.error()
                + ". The reply is kept on the case as failed.");
      }
    }
    return replies.find(kase.id(), id).orElseThrow();
  }

  /** The mail of a reply went out: the case waits on the customer, as after a public reply. */
  void settleSent(CompanyId company, long replyId, String messageId, String how, Instant at) {
    transactions.executeWithoutResult(
        status ->
            caseOf(company, replyId)
                .filter(kase -> replies.sent(replyId, messageId, null, at))
                .ifPresent(
                    kase -> {
                      clocks.replied(kase.id(), cases.replied(kase.id(), at), at);
                      history.record(
                          kase.id(),
                          at,
                          author(kase, replyId),
                          CaseHistory.REPLIED,
                          how + "; waiting on the customer");
                    }));
  }

  /** The mail of a reply was given up on. */
  void settleFailed(CompanyId company, long replyId, String error, Instant at) {
    transactions.executeWithoutResult(
        status ->
            caseOf(company, replyId)
                .filter(kase -> replies.failed(replyId, error))
                .ifPresent(
                    kase ->
                        history.record(
                            kase.id(),
                            at,
                            author(kase, replyId),
                            CaseHistory.REPLY_FAILED,
                            "by e-mail: " + error)));
  }

  /** The customer's newest e-mail identity. */
  private Optional<String> emailOf(Cases.Case kase) {
    if (kase.customer() == null) {
      return Optional.empty();
    }
    List<Customers.Identity> identities = customers.identities(kase.customer().id());
    return identities.reversed().stream()
        .filter(i -> i.source().equals(EMAIL))
        .map(Customers.Identity::handle)
        .findFirst();
  }

  private Optional<Cases.Case> caseOf(CompanyId company, long replyId) {
    return replies.caseOf(replyId).flatMap(caseId -> cases.find(company, caseId));
  }

  private String author(Cases.Case kase, long replyId) {
    return replies.find(kase.id(), replyId).map(CaseReplies.Reply::author).orElse("Caveat");
  }

  private static ApiException stopped(Cases.Case kase) {
    return ApiException.conflict(
        "The customer stopped e-mail about case "
            + kase.number()
            + "; reply in public, where they wrote, instead.");
  }
}
