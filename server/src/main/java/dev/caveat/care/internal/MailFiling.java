package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.Urgency;
import dev.caveat.listening.MentionDetails;
import dev.caveat.listening.TextClassifier;
import dev.caveat.relay.Mail;
import dev.caveat.relay.MailReceived;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A mail to a company's care address that names no case is filed as a post would be: under its
 * sender's open case, else, when it asks or complains, under a new case for the sender, known by
 * their e-mail address, who is told its number. Spam and mail that asks nothing (newsletters,
 * thanks) open nothing.
 */
@Component
class MailFiling {

  private static final Logger log = LoggerFactory.getLogger(MailFiling.class);

  /** What routing rules on a monitor see for a case that came by e-mail. */
  static final String MONITOR = "care address";

  /** The reference of an acknowledgement in the outbox; no reply waits on its outcome. */
  static final String ACKNOWLEDGEMENT = "acknowledgement:";

  private final Customers customers;
  private final Cases cases;
  private final CaseOpening opening;
  private final CaseHistory history;
  private final SlaClocks clocks;
  private final CaseRouter router;
  private final TextClassifier classifier;
  private final Mail mail;
  private final CasePages pages;
  private final CompanyDirectory companies;

  MailFiling(
      Customers customers,
      Cases cases,
      CaseOpening opening,
      CaseHistory history,
      SlaClocks clocks,
      CaseRouter router,
      TextClassifier classifier,
      Mail mail,
      CasePages pages,
      CompanyDirectory companies) {
    this.mail = mail;
    this.pages = pages;
    this.companies = companies;
    this.customers = customers;
    this.cases = cases;
    this.opening = opening;
    this.history = history;
    this.clocks = clocks;
    this.router = router;
    this.classifier = classifier;
  }

  /** The case the mail belongs under, opened if need be; empty when it opens none. */
  Optional<Long> caseFor(MailReceived mail) {
    CompanyId company = mail.company();
    Classification reading = classifier.classify(mail.subject(), mail.text());
    String intent = reading.intent().code();
    if (CaseFiling.NOT_A_FOLLOW_UP.contains(intent)) {
      log.info("Mail {} to company {} read as {}; not filed", mail.messageId(), company, intent);
      return Optional.empty();
    }
    String from = mail.from().toLowerCase(Locale.ROOT);
    if (!CaseFiling.ACTIONABLE.contains(intent)) {
      // Only a customer already known has a case such a mail may follow up on.
      Optional<Long> open =
          customers
              .owner(company, CaseMail.CHANNEL, from)
              .flatMap(known -> cases.openCaseOf(company, known));
      if (open.isEmpty()) {
        log.info("Mail {} to company {} asks nothing; not filed", mail.messageId(), company);
      }
      return open;
    }
    long customer =
        customers.resolveAndLock(company, CaseMail.CHANNEL, from, null, null, mail.receivedAt());
    CaseOpening.Opened opened =
        opening.open(company, customer, intent, reading.language(), mail.receivedAt());
    if (opened.fresh()) {
      acknowledge(company, opened.number(), from, mail.subject());
      history.record(
          opened.id(),
          mail.receivedAt(),
          CaseFiling.CAVEAT,
          CaseHistory.OPENED,
          "a " + intent + " e-mailed by " + from);
      clocks.opened(opened.id(), mail.receivedAt());
      router.route(company, opened.id(), customer, asPost(mail, from, reading), mail.receivedAt());
      log.info("Case {} opened for mail {}", opened.number(), mail.messageId());
    }
    return Optional.of(opened.id());
  }

  /**
   * Tells the sender the number of the case their mail opened, and where to follow it, from the
   * case's masked address: the number that follows them wherever they write. Sent once the case is
   * stored; without a mail server, the first reply tells them instead.
   */
  private void acknowledge(CompanyId company, String number, String to, String subject) {
    if (!mail.configured()) {
      return;
    }
    Cases.Case kase = cases.find(company, number).orElseThrow();
    String name = companies.find(company).map(Company::name).orElse("us");
    String text =
        "Thank you for writing to "
            + name
            + ". Your message is case "
            + number
            + ", and a representative answers you by e-mail.\n\nQuote "
            + number
            + " wherever you write to "
            + name
            + ", here or in public, and it reaches the same case. You can follow the case at "
            + pages.casePage(company, kase)
            + "\n";
    String about = subject == null || subject.isBlank() ? "your message" : subject.strip();
    long letter =
        mail.queue(
            new Mail.Letter(
                company,
                number,
                ACKNOWLEDGEMENT + number,
                to,
                "Case " + number + ": " + about,
                text));
    // Sent once the case and the letter are stored, and from another thread: work done in
    // afterCommit still joins the transaction that just ended, so the event the sending publishes
    // would never reach its listeners. Should this attempt fail, the outbox's next tick sends it.
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            CompletableFuture.runAsync(() -> mail.deliver(letter));
          }
        });
  }

  /** The mail as routing rules read a post: its text, intent, language, sentiment and urgency. */
  private static MentionDetails.Details asPost(
      MailReceived mail, String from, Classification reading) {
    List<String> urgency = reading.urgency().stream().map(Urgency::code).sorted().toList();
    return new MentionDetails.Details(
        0,
        CaseMail.CHANNEL,
        mail.messageId(),
        null,
        from,
        null,
        null,
        mail.text(),
        reading.intent().code(),
        mail.receivedAt(),
        reading.language(),
        reading.sentiment(),
        urgency,
        List.of(),
        MONITOR);
  }
}
