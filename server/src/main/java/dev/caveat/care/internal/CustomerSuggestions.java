package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who else among a company's customers may be the same person, and why a rep might think so. */
@Repository
class CustomerSuggestions {

  private final JdbcClient jdbc;

  CustomerSuggestions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Other customers of the company who may be the same person: an identity whose page links to
   * another's by {@code rel=me}, with the same site address, or with the same name.
   *
   * @return the customers and the reasons, best first
   */
  List<Suggestion> of(CompanyId company, long customerId) {
    Set<Long> relMe = relMeLinked(company, customerId);
    Map<Long, Suggestion> found = new LinkedHashMap<>();
    for (long other : relMe) {
      found.put(other, new Suggestion(other, true, false, false));
    }
    jdbc
        .sql(
            "select other.customer_id, bool_or(other.url is not null and mine.url is not null"
                + " and rtrim(lower(other.url), '/') = rtrim(lower(mine.url), '/')) as same_site,"
                + " bool_or(other.name is not null and length(trim(other.name)) > 2"
                + " and lower(trim(other.name)) = lower(trim(mine.name))) as same_name"
                + " from customer_identity mine join customer_identity other"
                + " on other.company_id = mine.company_id and other.customer_id <> mine.customer_id"
                + " and ((other.url is not null and rtrim(lower(other.url), '/')"
                + " = rtrim(lower(mine.url), '/')) or lower(trim(other.name)) = lower(trim(mine.name)))"
                + " join customer c on c.id = other.customer_id and c.merged_into is null"
                + " where mine.company_id = ? and mine.customer_id = ?"
                + " group by other.customer_id order by same_site desc, other.customer_id limit 20")
        .params(company.value(), customerId)
        .query(
            (rs, row) ->
                new Suggestion(
                    rs.getLong("customer_id"),
                    relMe.contains(rs.getLong("customer_id")),
                    rs.getBoolean("same_site"),
                    rs.getBoolean("same_name")))
        .list()
        .stream()
        .filter(s -> s.sameSite() || s.sameName())
        .forEach(s -> found.put(s.customerId(), s));
    return List.copyOf(found.values());
  }

  /** Customers with an identity this customer's pages link to by rel=me, or that link to it. */
  private Set<Long> relMeLinked(CompanyId company, long customerId) {
    String linked =
        " join customer c on c.id = other.customer_id and c.merged_into is null"
            + " where mine.company_id = ? and mine.customer_id = ?"
            + " and other.customer_id <> mine.customer_id";
    return new LinkedHashSet<>(
        jdbc.sql(
                "select other.customer_id from customer_identity mine"
                    + " join customer_identity_rel_me r on r.identity_id = mine.id"
                    + " join customer_identity other on other.company_id = mine.company_id"
                    + " and rtrim(lower(other.url), '/') = r.url"
                    + linked
                    + " union select other.customer_id from customer_identity mine"
                    + " join customer_identity_rel_me r on r.company_id = mine.company_id"
                    + " and r.url = rtrim(lower(mine.url), '/')"
                    + " join customer_identity other on other.id = r.identity_id"
                    + linked
                    + " limit 20")
            .params(company.value(), customerId, company.value(), customerId)
            .query(Long.class)
            .list());
  }

  record Suggestion(long customerId, boolean relMe, boolean sameSite, boolean sameName) {

    /** The reasons, as a rep reads them. */
    List<String> why() {
      List<String> why = new ArrayList<>();
      if (relMe) {
        why.add("rel=me");
      }
      if (sameSite) {
        why.add("same site");
      }
      if (sameName) {
        why.add("same name");
      }
      return why;
    }
  }
}
