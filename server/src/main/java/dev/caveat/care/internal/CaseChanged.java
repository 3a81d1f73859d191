package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;

/**
 * Something happened to a case: an event of {@code kind} is in its history. Care's own, published
 * inside the transaction that recorded it; never leaves the module.
 */
record CaseChanged(CompanyId company, long caseId, String number, String kind) {}
