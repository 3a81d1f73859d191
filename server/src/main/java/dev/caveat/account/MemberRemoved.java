package dev.caveat.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A person is no longer a member of the company: work that waits on them goes back to others.
 *
 * @param by the name of who removed them
 */
public record MemberRemoved(
    CompanyId company, UUID person, String name, String by, Instant removedAt) {}
