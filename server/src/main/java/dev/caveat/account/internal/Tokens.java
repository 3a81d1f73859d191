package dev.caveat.account.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.Actor;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API tokens. A token is 32 random bytes, so a plain SHA-256 of it is as safe to store as a slow
 * password hash and lets each request find its token with one indexed lookup.
 */
@Repository
public class Tokens {

  static final String PREFIX = "cav_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  Tokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A company's token as it is listed: never its secret. */
  public record Listed(
      UUID id, String label, Role role, UUID user, Instant createdAt, Instant revokedAt) {}

  /**
   * Issues a token and returns it in the clear; this is the only time it is seen. It acts for a
   * person of the company when {@code person} is given: it is them who asks, so "me" means them,
   * and it stops working when they leave the company.
   */
  public Accounts.IssuedToken issue(
      CompanyId company, Role role, String label, UUID person, Instant now) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into api_token (id, token_hash, company_id, role, label, user_id, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            hash(token),
            company == null ? null : company.value(),
            role.code(),
            label,
            person,
            Timestamp.from(now))
        .update();
    return new Accounts.IssuedToken(id, token);
  }

  /** The company's tokens, newest first, revoked ones included (with when). */
  public List<Listed> list(CompanyId company) {
    return jdbc.sql(
            "select id, label, role, user_id, created_at, revoked_at from api_token"
                + " where company_id = ? order by created_at desc, id")
        .param(company.value())
        .query(
            (rs, row) -> {
              Timestamp revoked = rs.getTimestamp("revoked_at");
              return new Listed(
                  rs.getObject("id", UUID.class),
                  rs.getString("label"),
                  Role.fromCode(rs.getString("role")),
                  rs.getObject("user_id", UUID.class),
                  rs.getTimestamp("created_at").toInstant(),
                  revoked == null ? null : revoked.toInstant());
            })
        .list();
  }

  /**
   * Revokes one of the company's tokens: it stops working at once. Revoking again keeps the first
   * time; false when the company has no such token.
   */
  public boolean revoke(CompanyId company, UUID id, Instant now) {
    return jdbc.sql(
                "update api_token set revoked_at = coalesce(revoked_at, ?)"
                    + " where id = ? and company_id = ?")
            .params(Timestamp.from(now), id, company.value())
            .update()
        == 1;
  }

  /**
   * The token's actor. A person's token acts as that person, with their name, and never with more
   * than their role in the company today: an admin made a rep holds a rep token.
   */
  public Optional<Actor.Token> find(String token) {
    return jdbc.sql(
            "select t.id, t.company_id, t.role, t.label, t.user_id, u.name, m.role as member_role"
                + " from api_token t left join app_user u on u.id = t.user_id"
                + " left join membership m on m.user_id = t.user_id and m.company_id = t.company_id"
                + " where t.token_hash = ? and t.revoked_at is null"
                + " and (t.user_id is null or m.role is not null)")
        .param(hash(token))
        .query(
            (rs, row) -> {
              UUID company = rs.getObject("company_id", UUID.class);
              UUID person = rs.getObject("user_id", UUID.class);
              String label = rs.getString("label");
              Role role = Role.fromCode(rs.getString("role"));
              String memberRole = rs.getString("member_role");
              if (memberRole != null && Role.fromCode(memberRole) == Role.REP) {
                role = Role.REP;
              }
              return new Actor.Token(
                  person != null ? person : rs.getObject("id", UUID.class),
                  person != null ? rs.getString("name") : label == null ? "API token" : label,
                  role,
                  company == null ? null : new CompanyId(company));
            })
        .optional();
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
