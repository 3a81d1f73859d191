package dev.caveat.relay;

import dev.caveat.account.CompanyId;
import java.time.Instant;

/**
 * A mail was sent, or given up on, with the reference it was queued with: how the outcome of a mail
 * that was retried later reaches whoever asked for it.
 */
public record MailSettled(
    CompanyId company,
    String reference,
    boolean sent,
    String messageId,
    String error,
    Instant at) {}
