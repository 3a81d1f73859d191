package dev.caveat.relay.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import dev.caveat.relay.Mail;
import dev.caveat.relay.MailSettled;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to customers from their case's masked address. Each letter is stored first, then sent; a
 * letter whose server could not be reached is tried again with pauses that double from a minute up
 * to an hour, and given up after {@link #MAX_ATTEMPTS} tries. The outcome of a retried letter, like
 * any other, is published as {@link MailSettled}.
 */
@Service
class MailRelay implements Mail {

  private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

  static final int MAX_ATTEMPTS = 10;
  static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
  static final Duration LONGEST_PAUSE = Duration.ofHours(1);

  /** How long one attempt may hold a letter before the retry presumes its sender dead. */
  static final Duration CLAIM = Duration.ofMinutes(5);

  private static final int RETRY_BATCH = 50;

  private final MailSettings settings;
  private final MaskedAddresses addresses;
  private final Outbox outbox;
  private final SmtpSender sender;
  private final CompanyDirectory companies;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  MailRelay(
      MailSettings settings,
      MaskedAddresses addresses,
      Outbox outbox,
      SmtpSender sender,
      CompanyDirectory companies,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.settings = settings;
    this.addresses = addresses;
    this.outbox = outbox;
    this.sender = sender;
    this.companies = companies;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public boolean configured() {
    return settings.outboundConfigured();
  }

  @Override
  public boolean stopped(CompanyId company, String caseNumber) {
    return addresses.find(company, caseNumber).map(MaskedAddresses.Masked::stopped).orElse(false);
  }

  @Override
  @Transactional
  public long queue(Letter letter) {
    if (!configured()) {
      throw new IllegalStateException("no SMTP server is configured (caveat.mail.smtp.host)");
    }
    Instant now = clock.instant();
    String domain = settings.fromDomain();
    MaskedAddresses.Masked masked =
        addresses.of(letter.company(), letter.caseNumber(), domain, now);
    if (masked.stopped()) {
      throw new IllegalStateException("the customer stopped mail about " + letter.caseNumber());
    }
    String company =
        companies.find(letter.company()).map(Company::name).orElse(letter.caseNumber());
    String body =
        letter.text()
            + "\n\n-- \nAnswer this e-mail to write to "
            + company
            + " about case "
            + letter.caseNumber()
            + ".\nTo get no more e-mail about this case: "
            + stopUrl(masked)
            + "\n";
    String messageId = "<caveat." + HexFormat.of().formatHex(bytes()) + "@" + domain + ">";
    return outbox.add(
        letter.company(),
        letter.caseNumber(),
        letter.reference(),
        masked.address(),
        company,
        letter.to(),
        letter.subject(),
        body,
        messageId,
        now,
        // Should the immediate attempt never come (a crash), the retry takes the letter then.
        now.plus(FIRST_PAUSE));
  }

  @Override
  public Delivery deliver(long letterId) {
    Instant now = clock.instant();
    Optional<Outbox.Letter> claimed =
        transactions.execute(status -> outbox.claim(letterId, now, now.plus(CLAIM)));
    if (claimed == null || claimed.isEmpty()) {
      // Another attempt holds it, or it is settled: say where it stands.
      return outbox.find(letterId).map(MailRelay::standing).orElseThrow();
    }
    return attempt(claimed.get());
  }

  /** Tries the letters whose time came, and those whose sender died mid-send. */
  @Scheduled(fixedDelayString = "${caveat.mail.outbox.tick:30s}")
  void retryDue() {
    if (!configured()) {
      return;
    }
    List<Long> due = outbox.due(clock.instant(), RETRY_BATCH);
    for (long id : due) {
      try {
        deliver(id);
      } catch (RuntimeException e) {
        log.warn("Sending letter {} failed; it is tried again on a later tick", id, e);
      }
    }
  }

  private Delivery attempt(Outbox.Letter letter) {
    String stop =
        addresses
            .byAddress(letter.sender())
            .map(this::stopUrl)
            .orElseThrow(() -> new IllegalStateException("letter without its masked address"));
    try {
      sender.send(letter, stop);
    } catch (SmtpSender.SendFailure failure) {
      return failed(letter, failure);
    }
    Instant at = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          outbox.sent(letter.id(), at);
          events.publishEvent(
              new MailSettled(
                  letter.company(), letter.reference(), true, letter.messageId(), null, at));
        });
    log.info("Letter {} for case {} sent", letter.id(), letter.caseNumber());
    return new Delivery(Status.SENT, letter.messageId(), letter.sender(), null, null);
  }

  private Delivery failed(Outbox.Letter letter, SmtpSender.SendFailure failure) {
    Instant now = clock.instant();
    String error = failure.getMessage();
    if (failure.worthRetrying() && letter.attempts() < MAX_ATTEMPTS) {
      Instant next = now.plus(pause(letter.attempts()));
      transactions.executeWithoutResult(status -> outbox.retryAt(letter.id(), next, error));
      log.info("Letter {} not sent ({}); trying again at {}", letter.id(), error, next);
      return new Delivery(Status.RETRYING, letter.messageId(), letter.sender(), error, next);
    }
    transactions.executeWithoutResult(
        status -> {
          outbox.failed(letter.id(), error);
          events.publishEvent(
              new MailSettled(
                  letter.company(), letter.reference(), false, letter.messageId(), error, now));
        });
    log.info("Letter {} given up after {} attempts: {}", letter.id(), letter.attempts(), error);
    return new Delivery(Status.FAILED, letter.messageId(), letter.sender(), error, null);
  }

  /** The pause after the given number of attempts: a minute, doubling, at most an hour. */
  static Duration pause(int attempts) {
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  private static Delivery standing(Outbox.Letter letter) {
    Status status =
        switch (letter.status()) {
          case "sent" -> Status.SENT;
          case "failed" -> Status.FAILED;
          default -> Status.RETRYING;
        };
    return new Delivery(
        status,
        letter.messageId(),
        letter.sender(),
        letter.lastError(),
        status == Status.RETRYING ? letter.nextAttemptAt() : null);
  }

  private String stopUrl(MaskedAddresses.Masked masked) {
    return settings.hub() + "/mail/stop/" + masked.stopToken();
  }

  private byte[] bytes() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }
}
