package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.account.CompanyId;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuotedCaseReferencesUnitTest {

  private final QuotedCaseReferences references = new QuotedCaseReferences(null, Clock.systemUTC());
  private final CompanyId acme = new CompanyId(UUID.randomUUID());
  private final CompanyId aceMedia = new CompanyId(UUID.randomUUID());

  @Test
  void aQuotedNumberOrCodeNamesEveryCompanyThatGaveItOut() {
    references.caseNumberIssued(acme, "AC-7K3Q9");
    references.caseNumberIssued(aceMedia, "AC-7K3Q9");
    references.caseNumberIssued(acme, "AC-7K3Q9");
    references.linkCodeIssued(aceMedia, "LINK-ABCDEF");

    assertThat(references.companiesQuotedIn("about ac-7k3q9, still broken"))
        .containsExactly(acme, aceMedia);
    assertThat(references.companiesQuotedIn("linking: link-abcdef")).containsExactly(aceMedia);
    assertThat(references.companiesQuotedIn("order AC-7K3Q8 and XAC-7K3Q9")).isEmpty();
    assertThat(references.companiesQuotedIn("no hyphen here at all")).isEmpty();
    assertThat(references.companiesQuotedIn(null)).isEmpty();
  }
}
