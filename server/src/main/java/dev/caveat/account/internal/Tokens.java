package dev.caveat.account.internal;

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

  /** Issues a token and returns it in the clear; this is the only time it is seen. */
  public String issue(CompanyId company, Role role, String label, Instant now) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.sql(
            "insert into api_token (id, token_hash, company_id, role, label, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            hash(token),
            company == null ? null : company.value(),
            role.code(),
            label,
            Timestamp.from(now))
        .update();
    return token;
  }

  public Optional<Actor.Token> find(String token) {
    return jdbc.sql(
            "select id, company_id, role, label from api_token"
                + " where token_hash = ? and revoked_at is null")
        .param(hash(token))
        .query(
            (rs, row) -> {
              UUID company = rs.getObject("company_id", UUID.class);
              String label = rs.getString("label");
              return new Actor.Token(
                  rs.getObject("id", UUID.class),
                  label == null ? "API token" : label,
                  Role.fromCode(rs.getString("role")),
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
