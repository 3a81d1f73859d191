package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Monitors {

  record Monitor(
      UUID id,
      CompanyId company,
      String name,
      Definition definition,
      Instant createdAt,
      Instant updatedAt) {

    String query() {
      return definition.query();
    }
  }

  /** What a monitor looks for, and what keeps a post out. */
  record Definition(String query, boolean ignoreAddresses, List<String> exclusions) {
    Definition {
      exclusions = List.copyOf(exclusions);
    }
  }

  private static final String COLUMNS =
      "id, company_id, name, query, ignore_addresses, exclusions, created_at, updated_at";

  private final JdbcClient jdbc;

  Monitors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when the company already has a monitor of that name. */
  Optional<Monitor> insert(CompanyId company, String name, Definition definition, Instant now) {
    UUID id = UUID.randomUUID();
    int rows =
        jdbc.sql(
                "insert into monitor (id, company_id, name, query, ignore_addresses, exclusions,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (company_id, name) do nothing")
            .params(
                id,
                company.value(),
                name,
                definition.query(),
                definition.ignoreAddresses(),
                definition.exclusions().toArray(String[]::new),
                Timestamp.from(now),
                Timestamp.from(now))
            .update();
    return rows == 0
        ? Optional.empty()
        : Optional.of(new Monitor(id, company, name, definition, now, now));
  }

  /** Whether the company had such a monitor; a name clash surfaces as a unique violation. */
  boolean update(CompanyId company, UUID id, String name, Definition definition, Instant now) {
    return jdbc.sql(
                "update monitor set name = ?, query = ?, ignore_addresses = ?, exclusions = ?,"
                    + " updated_at = ? where company_id = ? and id = ?")
            .params(
                name,
                definition.query(),
                definition.ignoreAddresses(),
                definition.exclusions().toArray(String[]::new),
                Timestamp.from(now),
                company.value(),
                id)
            .update()
        == 1;
  }

  boolean delete(CompanyId company, UUID id) {
    return jdbc.sql("delete from monitor where company_id = ? and id = ?")
            .params(company.value(), id)
            .update()
        == 1;
  }

  Optional<Monitor> find(CompanyId company, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from monitor where company_id = ? and id = ?")
        .params(company.value(), id)
        .query(Monitors::map)
        .optional();
  }

  List<Monitor> findByCompany(CompanyId company) {
    return jdbc.sql("select " + COLUMNS + " from monitor where company_id = ? order by name")
        .param(company.value())
        .query(Monitors::map)
        .list();
  }

  List<Monitor> findAll() {
    return jdbc.sql("select " + COLUMNS + " from monitor").query(Monitors::map).list();
  }

  private static Monitor map(ResultSet rs, int row) throws SQLException {
    return new Monitor(
        rs.getObject("id", UUID.class),
        new CompanyId(rs.getObject("company_id", UUID.class)),
        rs.getString("name"),
        new Definition(
            rs.getString("query"),
            rs.getBoolean("ignore_addresses"),
            List.of((String[]) rs.getArray("exclusions").getArray())),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
