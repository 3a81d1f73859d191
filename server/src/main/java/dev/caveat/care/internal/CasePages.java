package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import dev.caveat.platform.PublicAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The addresses of a case's public pages, as replies carry them out to the customer. */
@Component
class CasePages {

  private final CompanyDirectory companies;
  private final PublicAddress publicAddress;

  CasePages(CompanyDirectory companies, PublicAddress publicAddress) {
    this.companies = companies;
    this.publicAddress = publicAddress;
  }

  /** The case number and the page that shows the case, and who answers it, to anyone. */
  String signature(CompanyId company, Cases.Case kase) {
    return "Case " + kase.number() + " · " + casePage(company, kase);
  }

  /** The case's public page, with the code that opens it. */
  String casePage(CompanyId company, Cases.Case kase) {
    return base(company, kase) + "?code=" + URLEncoder.encode(kase.code(), StandardCharsets.UTF_8);
  }

  /** The page of one public reply, marked up as an h-entry for Webmention receivers. */
  String replyPage(CompanyId company, Cases.Case kase, long replyId) {
    return base(company, kase) + "/replies/" + replyId;
  }

  private String base(CompanyId company, Cases.Case kase) {
    String slug = companies.find(company).map(Company::slug).orElseThrow();
    return publicAddress.base() + "/cases/" + slug + "/" + kase.number();
  }
}
