package dev.caveat.account.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.CompanyId;
import dev.caveat.account.CompanyMembers;
import dev.caveat.account.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class CompanyMembersQuery implements CompanyMembers {

  private static final String SELECT =
      "select u.id, u.email, u.name, m.role from membership m join app_user u on u.id = m.user_id"
          + " where m.company_id = ?";

  private final JdbcClient jdbc;

  CompanyMembersQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Accounts.Member> find(CompanyId company, UUID userId) {
    return jdbc.sql(SELECT + " and u.id = ?")
        .params(company.value(), userId)
        .query(CompanyMembersQuery::map)
        .optional();
  }

  @Override
  public List<Accounts.Member> findAll(CompanyId company, Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " and u.id = any(?) order by lower(u.name), u.id")
        .params(company.value(), userIds.toArray(UUID[]::new))
        .query(CompanyMembersQuery::map)
        .list();
  }

  /** Everyone in the company, by name. */
  List<Accounts.Member> all(CompanyId company) {
    return jdbc.sql(SELECT + " order by lower(u.name), u.id")
        .param(company.value())
        .query(CompanyMembersQuery::map)
        .list();
  }

  private static Accounts.Member map(ResultSet rs, int row) throws SQLException {
    return new Accounts.Member(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("name"),
        Role.fromCode(rs.getString("role")));
  }
}
