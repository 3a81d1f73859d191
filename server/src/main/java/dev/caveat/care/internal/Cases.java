package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A company's cases and their customers. */
@Repository
class Cases {

  record Customer(long id, String source, String handle, String name) {}

  record Case(
      long id,
      String number,
      String code,
      String status,
      String resolution,
      String reason,
      String intent,
      String language,
      String team,
      String assignee,
      UUID escalatedTo,
      Long customerId,
      Customer customer,
      int mentions,
      Instant openedAt,
      Instant updatedAt,
      Instant resolvedAt) {}

  /** The columns {@link #map} reads, of {@code care_case c} and its customer {@code u}. */
  static final String COLUMNS =
      "c.id, c.number, c.code, c.status, c.resolution, c.reason, c.intent, c.language, c.team,"
          + " c.assignee, c.escalated_to, c.customer_id, c.opened_at, c.updated_at, c.resolved_at,"
          + " u.source, u.handle, u.name,"
          + " (select count(*) from case_mention cm where cm.case_id = c.id) as mentions";

  static final String FROM = " from care_case c left join customer u on u.id = c.customer_id";

  private static final String SELECT = "select " + COLUMNS + FROM;

  private final JdbcClient jdbc;

  Cases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The customer's case that is not resolved, if any. */
  Optional<Long> openCaseOf(CompanyId company, long customerId) {
    return jdbc.sql(
            "select id from care_case where company_id = ? and customer_id = ?"
                + " and status <> 'resolved'")
        .params(company.value(), customerId)
        .query(Long.class)
        .optional();
  }

  /**
   * Opens a case unless the customer has an open one or the number is taken: the unique indexes
   * decide, so concurrent deliveries cannot open two.
   *
   * @return the new case's id, or empty when nothing was inserted
   */
  Optional<Long> open(
      CompanyId company, String number, Long customerId, String intent, Instant now) {
    return open(company, number, customerId, intent, null, now);
  }

  /** As {@link #open(CompanyId, String, Long, String, Instant)}, with the post's language. */
  Optional<Long> open(
      CompanyId company,
      String number,
      Long customerId,
      String intent,
      String language,
      Instant now) {
    return jdbc.sql(
            "insert into care_case (company_id, number, code, customer_id, status, intent,"
                + " language, opened_at, updated_at) values (?, ?, ?, ?, 'open', ?, ?, ?, ?)"
                + " on conflict do nothing returning id")
        .params(
            company.value(),
            number,
            CaseNumbers.code(),
            customerId,
            intent,
            language,
            Timestamp.from(now),
            Timestamp.from(now))
        .query(Long.class)
        .optional();
  }

  /** The first of these numbers the company has a case with, in the order given. */
  Optional<Case> firstWithNumber(CompanyId company, List<String> numbers) {
    if (numbers.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Case> byNumber = new HashMap<>();
    jdbc.sql(SELECT + " where c.company_id = ? and c.number = any(?)")
        .params(company.value(), numbers.toArray(String[]::new))
        .query(Cases::map)
        .list()
        .forEach(c -> byNumber.put(c.number(), c));
    return numbers.stream().filter(byNumber::containsKey).findFirst().map(byNumber::get);
  }

  /** The case with this number, typed in any letter case; a 404 that names it otherwise. */
  Case require(CompanyId company, String number) {
    return find(company, number.toUpperCase(Locale.ROOT))
        .orElseThrow(() -> ApiException.notFound("No case " + number + " in this company."));
  }

  Optional<Case> find(CompanyId company, String number) {
    return jdbc.sql(SELECT + " where c.company_id = ? and c.number = ?")
        .params(company.value(), number)
        .query(Cases::map)
        .optional();
  }

  Optional<Case> find(CompanyId company, long id) {
    return jdbc.sql(SELECT + " where c.company_id = ? and c.id = ?")
        .params(company.value(), id)
        .query(Cases::map)
        .optional();
  }

  /**
   * Resolves the case unless it is resolved already.
   *
   * @return whether this call resolved it
   */
  boolean resolve(CompanyId company, long id, String resolution, String reason, Instant now) {
    return jdbc.sql(
                "update care_case set status = 'resolved', resolution = ?, reason = ?,"
                    + " resolved_at = ?, updated_at = ?"
                    + " where company_id = ? and id = ? and status <> 'resolved'")
            .params(
                resolution, reason, Timestamp.from(now), Timestamp.from(now), company.value(), id)
            .update()
        == 1;
  }

  /**
   * Opens a resolved case again, unless the customer has another case open meanwhile.
   *
   * @return whether this call reopened it; empty when another open case of the customer stands in
   *     the way
   */
  Optional<Boolean> reopen(CompanyId company, long id, Instant now) {
    try {
      return Optional.of(
          jdbc.sql(
                      "update care_case set status = 'open', resolution = null, reason = null,"
                          + " resolved_at = null, updated_at = ?"
                          + " where company_id = ? and id = ? and status = 'resolved'")
                  .params(Timestamp.from(now), company.value(), id)
                  .update()
              == 1);
    } catch (DuplicateKeyException anotherIsOpen) {
      return Optional.empty();
    }
  }

  /** The customer's cases, all of them. */
  List<Long> idsOf(long customerId) {
    return jdbc.sql("select id from care_case where customer_id = ? order by id")
        .param(customerId)
        .query(Long.class)
        .list();
  }

  /** The cases of the customer's, numbers and status, newest first. */
  List<Case> ofCustomer(CompanyId company, long customerId) {
    return jdbc.sql(
            SELECT + " where c.company_id = ? and c.customer_id = ? order by c.opened_at desc")
        .params(company.value(), customerId)
        .query(Cases::map)
        .list();
  }

  void moveToCustomer(List<Long> caseIds, long customerId) {
    jdbc.sql("update care_case set customer_id = ? where id = any(?)")
        .params(customerId, caseIds.toArray(Long[]::new))
        .update();
  }

  /**
   * After a reply the case waits on the customer; the first reply is its first response.
   *
   * @return whether the case now waits on the customer
   */
  boolean replied(long id, Instant now) {
    return jdbc.sql(
            "update care_case set status = case when status = 'open' then 'waiting' else status"
                + " end, first_response_at = coalesce(first_response_at, ?), updated_at = ?"
                + " where id = ? returning status = 'waiting'")
        .params(Timestamp.from(now), Timestamp.from(now), id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * The customer wrote again: a case waiting on them is open again.
   *
   * @return whether it was waiting
   */
  boolean customerWrote(long id, Instant now) {
    return jdbc.sql(
                "update care_case set status = 'open', updated_at = ? where id = ?"
                    + " and status = 'waiting'")
            .params(Timestamp.from(now), id)
            .update()
        == 1;
  }

  /** Puts the case with a team, and with a rep of it or with nobody. */
  void assign(long id, String team, UUID assignee, Instant now) {
    jdbc.sql("update care_case set team = ?, assignee = ?, updated_at = ? where id = ?")
        .params(team, assignee == null ? null : assignee.toString(), Timestamp.from(now), id)
        .update();
  }

  /** Hands every unresolved case of the rep back to its team with nobody; answers their ids. */
  List<Long> unassignAllOf(CompanyId company, UUID rep, Instant now) {
    return jdbc.sql(
            "update care_case set assignee = null, updated_at = ? where company_id = ?"
                + " and assignee = ? and status <> 'resolved' returning id")
        .params(Timestamp.from(now), company.value(), rep.toString())
        .query(Long.class)
        .list();
  }

  void escalate(long id, UUID lead, Instant now) {
    jdbc.sql("update care_case set escalated_to = ?, updated_at = ? where id = ?")
        .params(lead, Timestamp.from(now), id)
        .update();
  }

  /** The rep who held the customer's latest other case, if anyone did. */
  Optional<UUID> lastAssigneeOf(CompanyId company, long customerId, long exceptCaseId) {
    return jdbc.sql(
            "select assignee from care_case where company_id = ? and customer_id = ? and id <> ?"
                + " and assignee is not null order by opened_at desc, id desc limit 1")
        .params(company.value(), customerId, exceptCaseId)
        .query((rs, row) -> UUID.fromString(rs.getString("assignee")))
        .optional();
  }

  void touch(long id, Instant now) {
    jdbc.sql("update care_case set updated_at = ? where id = ?")
        .params(Timestamp.from(now), id)
        .update();
  }

  static Case map(ResultSet rs, int row) throws SQLException {
    String handle = rs.getString("handle");
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new Case(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getString("code"),
        rs.getString("status"),
        rs.getString("resolution"),
        rs.getString("reason"),
        rs.getString("intent"),
        rs.getString("language"),
        rs.getString("team"),
        rs.getString("assignee"),
        rs.getObject("escalated_to", UUID.class),
        rs.getObject("customer_id", Long.class),
        handle == null
            ? null
            : new Customer(
                rs.getLong("customer_id"), rs.getString("source"), handle, rs.getString("name")),
        rs.getInt("mentions"),
        rs.getTimestamp("opened_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        resolved == null ? null : resolved.toInstant());
  }
}
