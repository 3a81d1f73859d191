package dev.caveat.listening;

import dev.caveat.account.CompanyId;
import java.util.Set;

/**
 * References a company hands out for people to quote, such as case numbers: a post that quotes one
 * becomes that company's mention whatever else it says, so a customer who writes the number on any
 * channel reaches the company without naming it.
 */
public interface QuotedReferences {

  /**
   * The companies whose references the text quotes. Called for every post taken in, so it answers
   * from memory.
   */
  Set<CompanyId> companiesQuotedIn(String text);
}
