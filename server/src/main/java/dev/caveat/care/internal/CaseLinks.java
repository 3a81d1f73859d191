package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import dev.caveat.platform.PublicAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Where the outside world reads a case: its public page, opened by the number and the code. */
@Component
class CaseLinks {

  private final CompanyDirectory companies;
  private final PublicAddress publicAddress;

  CaseLinks(CompanyDirectory companies, PublicAddress publicAddress) {
    this.companies = companies;
    this.publicAddress = publicAddress;
  }

  Company company(CompanyId id) {
    return companies.find(id).orElseThrow();
  }

  /** The case's public page with its code, as replies and canned responses give it. */
  String publicPage(CompanyId company, Cases.Case kase) {
    return publicAddress.base()
        + "/cases/"
        + company(company).slug()
        + "/"
        + kase.number()
        + "?code="
        + URLEncoder.encode(kase.code(), StandardCharsets.UTF_8);
  }
}
