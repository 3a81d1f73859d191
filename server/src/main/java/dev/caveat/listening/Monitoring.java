package dev.caveat.listening;

import dev.caveat.account.CompanyId;

/** Standing queries for other modules that set a company up. */
public interface Monitoring {

  /**
   * Defines the monitor unless the company already has one of that name.
   *
   * @return whether it was created
   */
  boolean defineIfAbsent(CompanyId company, String name, String query);
}
