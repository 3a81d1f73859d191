package dev.caveat.account.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.account.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

  /** A person as stored; the hash never leaves this module. */
  public record StoredUser(
      UUID id, String email, String name, String passwordHash, boolean operator) {}

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StoredUser> findByEmail(String email) {
    return jdbc.sql(
            "select id, email, name, password_hash, operator from app_user"
                + " where lower(email) = lower(?)")
        .param(email)
        .query(
            (rs, row) ->
                new StoredUser(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("name"),
                    rs.getString("password_hash"),
                    rs.getBoolean("operator")))
        .optional();
  }

  /** Inserts the person unless the e-mail is taken; the id of whoever holds the e-mail. */
  public UUID insertIfAbsent(
      String email, String name, String passwordHash, boolean operator, Instant now) {
    jdbc.sql(
            "insert into app_user (id, email, name, password_hash, operator, created_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
        .params(UUID.randomUUID(), email, name, passwordHash, operator, Timestamp.from(now))
        .update();
    return findByEmail(email).orElseThrow().id();
  }

  public void changePassword(UUID userId, String passwordHash) {
    jdbc.sql("update app_user set password_hash = ? where id = ?")
        .params(passwordHash, userId)
        .update();
  }

  /** Grants the role in the company, replacing any role the person had there. */
  public void grant(UUID userId, CompanyId company, Role role, Instant now) {
    jdbc.sql(
            "insert into membership (user_id, company_id, role, created_at) values (?, ?, ?, ?)"
                + " on conflict (user_id, company_id) do update set role = excluded.role")
        .params(userId, company.value(), role.code(), Timestamp.from(now))
        .update();
  }

  /** Ends the person's membership of the company; false when they had none. */
  public boolean revoke(UUID userId, CompanyId company) {
    return jdbc.sql("delete from membership where user_id = ? and company_id = ?")
            .params(userId, company.value())
            .update()
        == 1;
  }

  public Optional<String> nameOf(UUID userId) {
    return jdbc.sql("select name from app_user where id = ?")
        .param(userId)
        .query(String.class)
        .optional();
  }

  public Optional<Role> roleIn(UUID userId, CompanyId company) {
    return jdbc.sql("select role from membership where user_id = ? and company_id = ?")
        .params(userId, company.value())
        .query((rs, row) -> Role.fromCode(rs.getString("role")))
        .optional();
  }
}
