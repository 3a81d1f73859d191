package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.listening.QuotedReferences;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
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
  // Two companies whose slugs share a prefix may hand out the same number.
  private final Map<String, List<CompanyId>> numbers = new ConcurrentHashMap<>();
  private final Map<String, List<CompanyId>> linkCodes = new ConcurrentHashMap<>();

  QuotedCaseReferences(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    jdbc.sql("select number, company_id from care_case")
        .query(
            rs -> {
              add(numbers, rs.getString(1), new CompanyId(rs.getObject(2, UUID.class)));
            });
    jdbc.sql(
            "select code, company_id from customer_link_code where used_at is null"
                + " and expires_at > ?")
        .param(Timestamp.from(clock.instant()))
        .query(
            rs -> {
              add(linkCodes, rs.getString(1), new CompanyId(rs.getObject(2, UUID.class)));
            });
  }

  void caseNumberIssued(CompanyId company, String number) {
    add(numbers, number, company);
  }

  void linkCodeIssued(CompanyId company, String code) {
    add(linkCodes, code, company);
  }

  @Override
  public Set<CompanyId> companiesQuotedIn(String text) {
    // Every reference has a hyphen; most posts have none and cost nothing more.
    if (text == null || text.indexOf('-') < 0) {
      return Set.of();
    }
    Set<CompanyId> companies = new LinkedHashSet<>();
    for (String number : CaseNumbers.quotedIn(text)) {
      companies.addAll(numbers.getOrDefault(number, List.of()));
    }
    for (String code : CaseNumbers.linkCodesIn(text)) {
      companies.addAll(linkCodes.getOrDefault(code, List.of()));
    }
    return companies;
  }

  private static void add(Map<String, List<CompanyId>> known, String key, CompanyId company) {
    known.merge(
        key,
        List.of(company),
        (had, more) ->
            had.contains(company) ? had : Stream.concat(had.stream(), more.stream()).toList());
  }
}
