package dev.caveat.relay.internal;

import dev.caveat.account.CompanyId;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One masked address per case, such as {@code case-nb-7k3q9-x8f2k4m9qz@mail.example}: mail from it
 * carries the case, mail to it comes back to the case. The random part makes it unguessable, so a
 * stranger who knows the case number still cannot write into the case.
 */
@Repository
class MaskedAddresses {

  /** A masked address, its case, and whether the customer stopped mail from it. */
  record Masked(
      String address, CompanyId company, String caseNumber, String stopToken, Instant stoppedAt) {

    boolean stopped() {
      return stoppedAt != null;
    }
  }

  /** Letters and digits that read unambiguously, as in case numbers. */
  private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

  private static final RandomGenerator RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  MaskedAddresses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's address, made on first use. */
  Masked of(CompanyId company, String caseNumber, String domain, Instant now) {
    Optional<Masked> known = find(company, caseNumber);
    if (known.isPresent()) {
      return known.get();
    }
    String address =
        "case-" + caseNumber.toLowerCase(Locale.ROOT) + "-" + random(10) + "@" + domain;
    jdbc.sql(
            "insert into relay_address (address, company_id, case_number, stop_token, created_at)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing")
        .params(address, company.value(), caseNumber, random(24), Timestamp.from(now))
        .update();
    // Whoever inserted first made the address; both now read the same one.
    return find(company, caseNumber).orElseThrow();
  }

  Optional<Masked> find(CompanyId company, String caseNumber) {
    return jdbc.sql("select * from relay_address where company_id = ? and case_number = ?")
        .params(company.value(), caseNumber)
        .query(MaskedAddresses::map)
        .optional();
  }

  Optional<Masked> byAddress(String address) {
    return jdbc.sql("select * from relay_address where address = ?")
        .param(address.toLowerCase(Locale.ROOT))
        .query(MaskedAddresses::map)
        .optional();
  }

  Optional<Masked> byStopToken(String token) {
    return jdbc.sql("select * from relay_address where stop_token = ?")
        .param(token)
        .query(MaskedAddresses::map)
        .optional();
  }

  /** Stops mail from the address; stopping again keeps the first time. */
  void stop(String address, Instant now) {
    jdbc.sql("update relay_address set stopped_at = coalesce(stopped_at, ?) where address = ?")
        .params(Timestamp.from(now), address)
        .update();
  }

  /** Lets mail from the address go out again: the undo of {@link #stop}. */
  void resume(String address) {
    jdbc.sql("update relay_address set stopped_at = null where address = ?")
        .param(address)
        .update();
  }

  private static String random(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private static Masked map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp stopped = rs.getTimestamp("stopped_at");
    return new Masked(
        rs.getString("address"),
        new CompanyId(rs.getObject("company_id", UUID.class)),
        rs.getString("case_number"),
        rs.getString("stop_token"),
        stopped == null ? null : stopped.toInstant());
  }
}
