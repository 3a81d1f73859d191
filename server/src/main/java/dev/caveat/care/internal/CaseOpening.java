package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Opens cases under fresh numbers, whatever brought them: a post or an e-mail. */
@Component
class CaseOpening {

  /** Tries before giving up on finding a free number; each collides with odds below 1 in 10^6. */
  private static final int NUMBER_TRIES = 10;

  /**
   * The case that takes what came: one just opened ({@code fresh}, with its number), or the
   * customer's open case that appeared meanwhile (a customer has one open case at a time).
   */
  record Opened(long id, String number, boolean fresh) {}

  private final Cases cases;
  private final CompanyDirectory companies;
  private final QuotedCaseReferences references;

  CaseOpening(Cases cases, CompanyDirectory companies, QuotedCaseReferences references) {
    this.cases = cases;
    this.companies = companies;
    this.references = references;
  }

  /** Opens a case for the customer under a free number, unless their open case came first. */
  Opened open(CompanyId company, Long customer, String intent, String language, Instant now) {
    String prefix = CaseNumbers.prefix(companies.find(company).map(Company::slug).orElse("c"));
    for (int i = 0; i < NUMBER_TRIES; i++) {
      String number = CaseNumbers.next(prefix);
      Optional<Long> opened = cases.open(company, number, customer, intent, language, now);
      if (opened.isPresent()) {
        references.caseNumberIssued(company, number);
        return new Opened(opened.get(), number, true);
      }
      // Nothing inserted: either the customer's case was opened meanwhile, or the number is taken.
      Optional<Long> open =
          customer == null ? Optional.empty() : cases.openCaseOf(company, customer);
      if (open.isPresent()) {
        return new Opened(open.get(), null, false);
      }
    }
    throw new IllegalStateException("no free case number after " + NUMBER_TRIES + " tries");
  }
}
