package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.listening.QuotedReferences;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every case number and unused link code, held in memory (about 100 bytes each) so that listening
 * can ask of every post whether it quotes one. A number stays known after its case is resolved: a
 * customer may quote it long after.
 */
@Component
class QuotedCaseReferences implements QuotedReferences, SmartInitializingSingleton {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<String, CompanyId> numbers = new ConcurrentHashMap<>();
  private final Map<String, CompanyId> linkCodes = new ConcurrentHashMap<>();

  QuotedCaseReferences(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    jdbc.sql("select number, company_id from care_case")
        .query(
            rs -> {
              numbers.put(rs.getString(1), new CompanyId(rs.getObject(2, UUID.class)));
            });
    jdbc.sql(
            "select code, company_id from customer_link_code where used_at is null"
                + " and expires_at > ?")
        .param(Timestamp.from(clock.instant()))
        .query(
            rs -> {
              linkCodes.put(rs.getString(1), new CompanyId(rs.getObject(2, UUID.class)));
            });
  }

  void caseNumberIssued(CompanyId company, String number) {
    numbers.put(number, company);
  }

  void linkCodeIssued(CompanyId company, String code) {
    linkCodes.put(code, company);
  }

  @Override
  public Set<CompanyId> companiesQuotedIn(String text) {
    // Every reference has a hyphen; most posts have none and cost nothing more.
    if (text == null || text.indexOf('-') < 0) {
      return Set.of();
    }
    Set<CompanyId> companies = new LinkedHashSet<>();
    for (String number : CaseNumbers.quotedIn(text)) {
      CompanyId company = numbers.get(number);
      if (company != null) {
        companies.add(company);
      }
    }
    for (String code : CaseNumbers.linkCodesIn(text)) {
      CompanyId company = linkCodes.get(code);
      if (company != null) {
        companies.add(company);
      }
    }
    return companies;
  }
}
