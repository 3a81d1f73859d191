package dev.caveat.account;

import java.time.Instant;

/** A company that listens through Caveat. */
public record Company(CompanyId id, String slug, String name, Instant createdAt) {}
