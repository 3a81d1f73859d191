package dev.caveat.account.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Companies {

  private static final String COLUMNS = "c.id, c.slug, c.name, c.created_at";

  private final JdbcClient jdbc;

  Companies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the company unless its slug is taken; empty if it was. */
  public Optional<Company> insert(String slug, String name, Instant now) {
    UUID id = UUID.randomUUID();
    int rows =
        jdbc.sql(
                "insert into company (id, slug, name, created_at) values (?, ?, ?, ?)"
                    + " on conflict (slug) do nothing")
            .params(id, slug, name, java.sql.Timestamp.from(now))
            .update();
    return rows == 0
        ? Optional.empty()
        : Optional.of(new Company(new CompanyId(id), slug, name, now));
  }

  public Optional<Company> findBySlug(String slug) {
    return jdbc.sql("select " + COLUMNS + " from company c where c.slug = ?")
        .param(slug)
        .query(Companies::map)
        .optional();
  }

  public Optional<Company> findById(CompanyId id) {
    return jdbc.sql("select " + COLUMNS + " from company c where c.id = ?")
        .param(id.value())
        .query(Companies::map)
        .optional();
  }

  public List<Company> findAll() {
    return jdbc.sql("select " + COLUMNS + " from company c order by c.name, c.slug")
        .query(Companies::map)
        .list();
  }

  public List<Company> findForUser(UUID userId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from company c join membership m on m.company_id = c.id"
                + " where m.user_id = ? order by c.name, c.slug")
        .param(userId)
        .query(Companies::map)
        .list();
  }

  private static Company map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Company(
        new CompanyId(rs.getObject("id", UUID.class)),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant());
  }
}
