package dev.caveat.relay;

import dev.caveat.account.CompanyId;
import java.time.Instant;

/**
 * A mail came in for a company: to a case's masked address ({@code caseNumber} set), or to the
 * company's care address ({@code caseNumber} null; the case is the one its subject or text quotes).
 *
 * @param text what the sender wrote, without the quoted mail they answered
 * @param quoted the quoted part, where a case number may be found but nothing new is said
 * @param messageId the mail's Message-ID, or a digest of it when it has none: a repeat is the same
 */
public record MailReceived(
    CompanyId company,
    String caseNumber,
    String from,
    String subject,
    String text,
    String quoted,
    String messageId,
    Instant receivedAt) {}
