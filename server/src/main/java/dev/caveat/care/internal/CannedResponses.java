package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A company's canned responses: texts reps start a reply from. */
@Repository
class CannedResponses {

  record Canned(
      long id,
      String title,
      String body,
      String language,
      String intent,
      Instant createdAt,
      Instant updatedAt) {}

  /** What a canned response says, checked by the caller. */
  record Content(String title, String body, String language, String intent) {}

  private static final String SELECT =
      "select id, title, body, language, intent, created_at, updated_at from canned_response";

  private final JdbcClient jdbc;

  CannedResponses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** By title; with a search, only those whose title or body contains it, in any letter case. */
  List<Canned> list(CompanyId company, String search) {
    if (search == null || search.isBlank()) {
      return jdbc.sql(SELECT + " where company_id = ? order by lower(title), id")
          .param(company.value())
          .query(CannedResponses::map)
          .list();
    }
    String like = "%" + search.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%";
    return jdbc.sql(
            SELECT
                + " where company_id = ? and (title ilike ? or body ilike ?)"
                + " order by lower(title), id")
        .params(company.value(), like, like)
        .query(CannedResponses::map)
        .list();
  }

  Optional<Canned> find(CompanyId company, long id) {
    return jdbc.sql(SELECT + " where company_id = ? and id = ?")
        .params(company.value(), id)
        .query(CannedResponses::map)
        .optional();
  }

  /** Inserts the response unless its title is taken, in any letter case. */
  Optional<Canned> insert(CompanyId company, Content content, Instant now) {
    return jdbc.sql(
            "insert into canned_response (company_id, title, body, language, intent, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing"
                + " returning id, title, body, language, intent, created_at, updated_at")
        .params(
            company.value(),
            content.title(),
            content.body(),
            content.language(),
            content.intent(),
            Timestamp.from(now),
            Timestamp.from(now))
        .query(CannedResponses::map)
        .optional();
  }

  /**
   * Replaces what the response says.
   *
   * @return whether the company has the response
   */
  boolean update(CompanyId company, long id, Content content, Instant now) {
    return jdbc.sql(
                "update canned_response set title = ?, body = ?, language = ?, intent = ?,"
                    + " updated_at = ? where company_id = ? and id = ?")
            .params(
                content.title(),
                content.body(),
                content.language(),
                content.intent(),
                Timestamp.from(now),
                company.value(),
                id)
            .update()
        == 1;
  }

  /** Whether another response of the company has this title, in any letter case. */
  boolean titleTaken(CompanyId company, String title, Long exceptId) {
    return jdbc.sql(
            "select exists (select 1 from canned_response where company_id = ?"
                + " and lower(title) = lower(?) and id is distinct from ?)")
        .params(company.value(), title, exceptId)
        .query(Boolean.class)
        .single();
  }

  boolean delete(CompanyId company, long id) {
    return jdbc.sql("delete from canned_response where company_id = ? and id = ?")
            .params(company.value(), id)
            .update()
        == 1;
  }

  private static Canned map(ResultSet rs, int row) throws SQLException {
    return new Canned(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("language"),
        rs.getString("intent"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
