package dev.caveat.listening;

import dev.caveat.account.CompanyId;
import java.util.UUID;

/** A company's monitor matched a post: the post is now one of the company's mentions. */
public record MentionFound(long mentionId, CompanyId company, long postId, UUID monitorId) {}
