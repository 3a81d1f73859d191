package dev.caveat.relay.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import dev.caveat.relay.MailReceived;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who mail may come in for — a case's masked address, or a company's care address {@code
 * <slug>@<from-domain>} — and what becomes of it: each company it reaches hears it once, as {@link
 * MailReceived}, however often it is delivered.
 */
@Service
class InboundMail {

  private static final Logger log = LoggerFactory.getLogger(InboundMail.class);

  /** A recipient Caveat takes mail for; {@code caseNumber} is null for a care address. */
  record Destination(CompanyId company, String caseNumber, String address) {}

  private final MailSettings settings;
  private final MaskedAddresses addresses;
  private final CompanyDirectory companies;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  InboundMail(
      MailSettings settings,
      MaskedAddresses addresses,
      CompanyDirectory companies,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.settings = settings;
    this.addresses = addresses;
    this.companies = companies;
    this.jdbc = jdbc;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  Optional<Destination> destination(String recipient) {
    String address = recipient.strip().toLowerCase(Locale.ROOT);
    int at = address.lastIndexOf('@');
    if (at < 1 || !address.substring(at + 1).equals(settings.fromDomain())) {
      return Optional.empty();
    }
    Optional<MaskedAddresses.Masked> masked = addresses.byAddress(address);
    if (masked.isPresent()) {
      return Optional.of(
          new Destination(masked.get().company(), masked.get().caseNumber(), address));
    }
    return companies
        .findBySlug(address.substring(0, at))
        .map(Company::id)
        .map(company -> new Destination(company, null, address));
  }

  /**
   * Takes a received mail for its recipients.
   *
   * @param envelopeSender the SMTP sender; empty for a bounce
   * @throws MailText.Unreadable when nothing in the mail can be read
   */
  void receive(byte[] raw, String envelopeSender, List<Destination> to) throws MailText.Unreadable {
    MailText.Read mail = MailText.read(raw);
    if (envelopeSender == null || envelopeSender.isBlank() || mail.automatic()) {
      // Bounces and automatic answers (out of office) are not the customer writing.
      log.info("Automatic mail {} to {} not filed", mail.messageId(), to.size());
      return;
    }
    String from = mail.from() != null ? mail.from() : envelopeSender.toLowerCase(Locale.ROOT);
    // A mail to a case's address and its company's care address is one mail to that company.
    Map<CompanyId, Destination> byCompany = new LinkedHashMap<>();
    for (Destination destination : to) {
      byCompany.merge(destination.company(), destination, (a, b) -> a.caseNumber() != null ? a : b);
    }
    Instant now = clock.instant();
    for (Destination destination : byCompany.values()) {
      transactions.executeWithoutResult(
          status -> {
            if (firstTime(destination, mail.messageId(), from, now)) {
              events.publishEvent(
                  new MailReceived(
                      destination.company(),
                      destination.caseNumber(),
                      from,
                      mail.subject(),
                      mail.text(),
                      mail.quoted(),
                      mail.messageId(),
                      now));
            }
          });
    }
  }

  private boolean firstTime(Destination to, String messageId, String from, Instant now) {
    return jdbc.sql(
                "insert into relay_inbound (company_id, message_id, recipient, sender,"
                    + " case_number, received_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
            .params(
                to.company().value(),
                messageId,
                to.address(),
                from,
                to.caseNumber(),
                Timestamp.from(now))
            .update()
        == 1;
  }
}
