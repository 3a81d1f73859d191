package dev.caveat.relay;

import dev.caveat.account.CompanyId;
import java.time.Instant;

/**
 * E-mail to a customer about their case, from the case's masked address: what care uses for private
 * replies. Answers to that address come back as {@link MailReceived}.
 */
public interface Mail {

  /**
   * A mail to send. {@code reference} names what it answers for the caller (care's reply), and
   * comes back in {@link MailSettled}; {@code text} is the body, to which the relay adds how to
   * answer and how to stop mail.
   */
  record Letter(
      CompanyId company,
      String caseNumber,
      String reference,
      String to,
      String subject,
      String text) {}

  enum Status {
    SENT,
    /** The mail server could not be reached; the mail is kept and tried again later. */
    RETRYING,
    FAILED
  }

  /**
   * Where a mail stands: its Message-ID, the masked address it came from, and for one not sent the
   * server's error and, when it will be tried again, when.
   */
  record Delivery(
      Status status, String messageId, String from, String error, Instant nextAttempt) {}

  /** Whether an SMTP server is configured to send through. */
  boolean configured();

  /** Whether the customer stopped mail about this case. */
  boolean stopped(CompanyId company, String caseNumber);

  /**
   * Stores the letter for sending, in the caller's transaction, so that it is kept exactly when
   * what it answers for is.
   *
   * @return the letter's id for {@link #deliver}
   * @throws IllegalStateException when mail is not configured or the customer stopped it
   */
  long queue(Letter letter);

  /**
   * Tries to send a stored letter now. A letter the server could not be reached for is tried again
   * later, with growing pauses; its outcome then arrives as {@link MailSettled}.
   */
  Delivery deliver(long letterId);
}
