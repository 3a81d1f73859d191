package dev.caveat.listening;

import dev.caveat.account.CompanyId;

/**
 * A rep corrected what a mention wants: what was filed on the old reading may need another look.
 */
public record MentionRelabelled(long mentionId, CompanyId company, String intent) {}
