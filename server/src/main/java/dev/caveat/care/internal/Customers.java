package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A company's customers: people, each with identities on one source or another. */
@Repository
class Customers {

  record Identity(long id, String source, String handle, String name, String url) {}

  record Customer(long id, String name, Long mergedInto, Instant createdAt) {}

  record Merge(
      long id,
      long into,
      long from,
      List<Long> identityIds,
      List<Long> caseIds,
      Long duplicateCaseId,
      String how,
      String actor,
      Instant at,
      Instant undoneAt,
      String undoneBy) {}

  record LinkCode(String code, long customerId, Instant expiresAt, Instant usedAt) {}

  private final JdbcClient jdbc;

  Customers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The customer behind this identity, created with it when new, and locked until the transaction
   * ends: one person's posts are filed one after another, whichever of their accounts they use.
   */
  long resolveAndLock(
      CompanyId company, String source, String handle, String name, String url, Instant now) {
    while (true) {
      Optional<Long> known = owner(company, source, handle);
      long customer;
      if (known.isPresent()) {
        customer = known.get();
      } else {
        long created =
            jdbc.sql(
                    "insert into customer (company_id, source, handle, name, created_at)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(company.value(), source, handle, name, Timestamp.from(now))
                .query(Long.class)
                .single();
        int inserted =
            jdbc.sql(
                    "insert into customer_identity (company_id, customer_id, source, handle, name,"
                        + " url, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(company.value(), created, source, handle, name, url, Timestamp.from(now))
                .update();
        if (inserted == 0) {
          // Someone else added this identity meanwhile: theirs stands, ours goes.
          jdbc.sql("delete from customer where id = ?").param(created).update();
          continue;
        }
        customer = created;
      }
      lock(List.of(customer));
      // A merge may have moved the identity while we waited for the lock.
      if (owner(company, source, handle).orElse(-1L) == customer) {
        jdbc.sql(
                "update customer_identity set name = coalesce(?, name), url = coalesce(?, url)"
                    + " where company_id = ? and source = ? and handle = ?")
            .params(name, url, company.value(), source, handle)
            .update();
        return customer;
      }
    }
  }

  /** Locks customers in the order of their ids, so that two merges cannot wait on each other. */
  void lock(List<Long> ids) {
    jdbc.sql("select id from customer where id = any(?) order by id for update")
        .param(ids.toArray(Long[]::new))
        .query(Long.class)
        .list();
  }

  /**
   * Gives the customer one more identity, unless someone has it already.
   *
   * @return whether it was added
   */
  boolean addIdentity(
      CompanyId company, long customerId, String source, String handle, Instant now) {
    return jdbc.sql(
                "insert into customer_identity (company_id, customer_id, source, handle,"
                    + " created_at) values (?, ?, ?, ?, ?) on conflict do nothing")
            .params(company.value(), customerId, source, handle, Timestamp.from(now))
            .update()
        == 1;
  }

  /** The customer who has this identity. */
  Optional<Long> owner(CompanyId company, String source, String handle) {
    return jdbc.sql(
            "select customer_id from customer_identity where company_id = ? and source = ?"
                + " and handle = ?")
        .params(company.value(), source, handle)
        .query(Long.class)
        .optional();
  }

  Optional<Customer> find(CompanyId company, long id) {
    return jdbc.sql(
            "select id, name, merged_into, created_at from customer where company_id = ? and id = ?")
        .params(company.value(), id)
        .query(
            (rs, row) -> {
              long merged = rs.getLong("merged_into");
              Long mergedInto = rs.wasNull() ? null : merged;
              return new Customer(
                  rs.getLong("id"),
                  rs.getString("name"),
                  mergedInto,
                  rs.getTimestamp("created_at").toInstant());
            })
        .optional();
  }

  List<Identity> identities(long customerId) {
    return jdbc.sql(
            "select id, source, handle, name, url from customer_identity where customer_id = ?"
                + " order by created_at, id")
        .param(customerId)
        .query(
            (rs, row) ->
                new Identity(
                    rs.getLong("id"),
                    rs.getString("source"),
                    rs.getString("handle"),
                    rs.getString("name"),
                    rs.getString("url")))
        .list();
  }

  /** Moves every identity of {@code from} to {@code into}; answers the ids moved. */
  List<Long> moveIdentities(long from, long into) {
    return jdbc.sql(
            "update customer_identity set customer_id = ? where customer_id = ? returning id")
        .params(into, from)
        .query(Long.class)
        .list();
  }

  void moveIdentitiesBack(List<Long> identityIds, long from, long into) {
    jdbc.sql("update customer_identity set customer_id = ? where id = any(?) and customer_id = ?")
        .params(from, identityIds.toArray(Long[]::new), into)
        .update();
  }

  void mergedInto(long from, Long into) {
    jdbc.sql("update customer set merged_into = ? where id = ?").params(into, from).update();
  }

  long recordMerge(
      CompanyId company,
      long into,
      long from,
      List<Long> identityIds,
      List<Long> caseIds,
      Long duplicateCaseId,
      String how,
      String actor,
      Instant now) {
    return jdbc.sql(
            "insert into customer_merge (company_id, into_customer, from_customer, identity_ids,"
                + " case_ids, duplicate_case_id, how, actor, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " returning id")
        .params(
            company.value(),
            into,
            from,
            identityIds.toArray(Long[]::new),
            caseIds.toArray(Long[]::new),
            duplicateCaseId,
            how,
            actor,
            Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /** The latest merge of {@code from} into {@code into} that is not undone. */
  Optional<Merge> lastMerge(CompanyId company, long into, long from) {
    return jdbc.sql(
            "select * from customer_merge where company_id = ? and into_customer = ?"
                + " and from_customer = ? and undone_at is null order by id desc limit 1")
        .params(company.value(), into, from)
        .query(Customers::merge)
        .optional();
  }

  void undone(long mergeId, String by, Instant now) {
    jdbc.sql("update customer_merge set undone_at = ?, undone_by = ? where id = ?")
        .params(Timestamp.from(now), by, mergeId)
        .update();
  }

  /** Merges the customer took part in, newest first. */
  List<Merge> merges(long customerId) {
    return jdbc.sql(
            "select * from customer_merge where into_customer = ? or from_customer = ?"
                + " order by id desc")
        .params(customerId, customerId)
        .query(Customers::merge)
        .list();
  }

  void addLinkCode(CompanyId company, String code, long customerId, Instant now, Instant expires) {
    jdbc.sql(
            "insert into customer_link_code (code, company_id, customer_id, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(code, company.value(), customerId, Timestamp.from(now), Timestamp.from(expires))
        .update();
  }

  /**
   * Takes the first of these codes that is the company's, unused and not expired.
   *
   * @return the customer it links to
   */
  Optional<Long> useLinkCode(CompanyId company, List<String> codes, Instant now) {
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "update customer_link_code set used_at = ? where code = (select code from"
                + " customer_link_code where company_id = ? and code = any(?) and used_at is null"
                + " and expires_at > ? order by created_at limit 1 for update) returning customer_id")
        .params(
            Timestamp.from(now), company.value(), codes.toArray(String[]::new), Timestamp.from(now))
        .query(Long.class)
        .optional();
  }

  private static Merge merge(ResultSet rs, int row) throws SQLException {
    long duplicate = rs.getLong("duplicate_case_id");
    Long duplicateCase = rs.wasNull() ? null : duplicate;
    Timestamp undone = rs.getTimestamp("undone_at");
    return new Merge(
        rs.getLong("id"),
        rs.getLong("into_customer"),
        rs.getLong("from_customer"),
        longs(rs.getArray("identity_ids")),
        longs(rs.getArray("case_ids")),
        duplicateCase,
        rs.getString("how"),
        rs.getString("actor"),
        rs.getTimestamp("at").toInstant(),
        undone == null ? null : undone.toInstant(),
        rs.getString("undone_by"));
  }

  private static List<Long> longs(Array array) throws SQLException {
    return Arrays.asList((Long[]) array.getArray());
  }
}
