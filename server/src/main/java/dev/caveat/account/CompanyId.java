package dev.caveat.account;

import java.util.UUID;

/** Identifies a company, the tenant every piece of customer data belongs to. */
public record CompanyId(UUID value) {

  public CompanyId {
    java.util.Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
