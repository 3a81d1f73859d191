package dev.caveat.care.internal;

import dev.caveat.relay.MailReceived;
import dev.caveat.relay.MailSettled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Mail about cases, as the relay hears it: a customer's answer joins its case as a message (and a
 * case waiting on the customer is open again, as when they post), a mail to the care address that
 * names no case is filed by {@link MailFiling}, and the outcome of a reply's mail that was retried
 * settles the reply.
 */
@Service
class CaseMail {

  private static final Logger log = LoggerFactory.getLogger(CaseMail.class);

  static final String CHANNEL = "email";

  private final Cases cases;
  private final CaseMessages messages;
  private final CaseHistory history;
  private final SlaClocks clocks;
  private final PrivateReplying replying;
  private final MailFiling filing;

  CaseMail(
      Cases cases,
      CaseMessages messages,
      CaseHistory history,
      SlaClocks clocks,
      PrivateReplying replying,
      MailFiling filing) {
    this.filing = filing;
    this.cases = cases;
    this.messages = messages;
    this.history = history;
    this.clocks = clocks;
    this.replying = replying;
  }

  @ApplicationModuleListener
  void on(MailReceived mail) {
    Optional<Long> kase;
    if (mail.caseNumber() != null) {
      kase = cases.find(mail.company(), mail.caseNumber()).map(Cases.Case::id);
      if (kase.isEmpty()) {
        log.info("Mail {} is for no case of company {}", mail.messageId(), mail.company());
      }
    } else {
      // The filing says itself why a mail it files nowhere is not filed.
      kase = cases.firstWithNumber(mail.company(), quoted(mail)).map(Cases.Case::id);
      kase = kase.isPresent() ? kase : filing.caseFor(mail);
    }
    if (kase.isEmpty()) {
      return;
    }
    long caseId = kase.get();
    Instant at = mail.receivedAt();
    if (!messages.add(
        caseId, CHANNEL, mail.from(), mail.subject(), mail.text(), mail.messageId(), at)) {
      return;
    }
    history.record(
        caseId, at, CaseFiling.CAVEAT, CaseHistory.MESSAGE_ADDED, "an e-mail from " + mail.from());
    cases.touch(caseId, at);
    if (cases.customerWrote(caseId, at)) {
      clocks.customerWrote(caseId, at);
      history.record(
          caseId, at, CaseFiling.CAVEAT, CaseHistory.REOPENED, "an e-mail from the customer");
    }
  }

  @ApplicationModuleListener
  void on(MailSettled settled) {
    if (settled.reference() == null || !settled.reference().startsWith(PrivateReplying.REFERENCE)) {
      return;
    }
    long replyId;
    try {
      replyId = Long.parseLong(settled.reference().substring(PrivateReplying.REFERENCE.length()));
    } catch (NumberFormatException e) {
      return;
    }
    if (settled.sent()) {
      replying.settleSent(
          settled.company(),
          replyId,
          settled.messageId(),
          "by e-mail, once the mail server could be reached",
          settled.at());
    } else {
      replying.settleFailed(settled.company(), replyId, settled.error(), settled.at());
    }
  }

  /** The case numbers a mail to the care address quotes: subject first, then text, then quote. */
  private static List<String> quoted(MailReceived mail) {
    List<String> numbers = new ArrayList<>();
    for (String part : new String[] {mail.subject(), mail.text(), mail.quoted()}) {
      for (String number : CaseNumbers.quotedIn(part)) {
        if (!numbers.contains(number)) {
          numbers.add(number);
        }
      }
    }
    return numbers;
  }
}
