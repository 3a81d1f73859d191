package dev.caveat.care.internal;

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

/** A company's teams and the reps on them, with what each rep can take. */
@Repository
class Teams {

  record Team(long id, String name, UUID lead) {}

  /**
   * A rep with their skills and load. Empty languages or products mean the rep takes any; {@code
   * openCases} counts the cases assigned to them that are not resolved.
   */
  record Rep(
      UUID userId,
      String name,
      List<String> languages,
      List<String> products,
      boolean available,
      int capacity,
      List<String> teams,
      int openCases) {

    boolean hasRoom() {
      return available && openCases < capacity;
    }
  }

  private static final String REP =
      "select r.user_id, r.name, r.languages, r.products, r.available, r.capacity,"
          + " array(select t.name from care_team_rep tr join care_team t on t.id = tr.team_id"
          + " where tr.user_id = r.user_id and tr.company_id = r.company_id order by lower(t.name))"
          + " as teams,"
          + " (select count(*) from care_case c where c.company_id = r.company_id"
          + " and c.assignee = r.user_id::text and c.status <> 'resolved') as open_cases"
          + " from care_rep r";

  private final JdbcClient jdbc;

  Teams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the team unless its name is taken, in any letter case. */
  Optional<Team> insert(CompanyId company, String name, UUID lead, Instant now) {
    return jdbc.sql(
            "insert into care_team (company_id, name, lead_id, created_at) values (?, ?, ?, ?)"
                + " on conflict do nothing returning id, name, lead_id")
        .params(company.value(), name, lead, Timestamp.from(now))
        .query(Teams::team)
        .optional();
  }

  List<Team> all(CompanyId company) {
    return jdbc.sql(
            "select id, name, lead_id from care_team where company_id = ? order by lower(name), id")
        .param(company.value())
        .query(Teams::team)
        .list();
  }

  Optional<Team> find(CompanyId company, long id) {
    return jdbc.sql("select id, name, lead_id from care_team where company_id = ? and id = ?")
        .params(company.value(), id)
        .query(Teams::team)
        .optional();
  }

  Optional<Team> findByName(CompanyId company, String name) {
    return jdbc.sql(
            "select id, name, lead_id from care_team where company_id = ? and lower(name) = lower(?)")
        .params(company.value(), name)
        .query(Teams::team)
        .optional();
  }

  /** Renames the team and its cases with it, and sets its lead. */
  void update(CompanyId company, Team before, String name, UUID lead) {
    jdbc.sql("update care_team set name = ?, lead_id = ? where company_id = ? and id = ?")
        .params(name, lead, company.value(), before.id())
        .update();
    if (!before.name().equals(name)) {
      jdbc.sql("update care_case set team = ? where company_id = ? and team = ?")
          .params(name, company.value(), before.name())
          .update();
    }
  }

  void delete(CompanyId company, long id) {
    jdbc.sql("delete from care_team where company_id = ? and id = ?")
        .params(company.value(), id)
        .update();
  }

  /** The reps of the team, by name. */
  List<Rep> repsOf(CompanyId company, long teamId) {
    return jdbc.sql(
            REP
                + " where r.company_id = ? and exists (select 1 from care_team_rep tr"
                + " where tr.team_id = ? and tr.user_id = r.user_id) order by lower(r.name), r.user_id")
        .params(company.value(), teamId)
        .query(Teams::rep)
        .list();
  }

  /**
   * The team's reps, locked until the transaction ends: cases routed to one team are assigned one
   * after another, so two cannot both take a rep's last free place.
   */
  List<Rep> lockRepsOf(CompanyId company, long teamId) {
    jdbc.sql(
            "select r.user_id from care_rep r join care_team_rep tr on tr.user_id = r.user_id"
                + " and tr.company_id = r.company_id where tr.team_id = ? and r.company_id = ?"
                + " order by r.user_id for update of r")
        .params(teamId, company.value())
        .query(UUID.class)
        .list();
    return repsOf(company, teamId);
  }

  /** The rep, locked until the transaction ends, as {@link #lockRepsOf} does for a team. */
  Optional<Rep> lockRep(CompanyId company, UUID userId) {
    jdbc.sql("select user_id from care_rep where company_id = ? and user_id = ? for update")
        .params(company.value(), userId)
        .query(UUID.class)
        .list();
    return rep(company, userId);
  }

  List<Rep> reps(CompanyId company) {
    return jdbc.sql(REP + " where r.company_id = ? order by lower(r.name), r.user_id")
        .param(company.value())
        .query(Teams::rep)
        .list();
  }

  Optional<Rep> rep(CompanyId company, UUID userId) {
    return jdbc.sql(REP + " where r.company_id = ? and r.user_id = ?")
        .params(company.value(), userId)
        .query(Teams::rep)
        .optional();
  }

  /** The reps with this name, in any letter case: customers ask for a rep by name. */
  List<Rep> repsNamed(CompanyId company, String name) {
    return jdbc.sql(
            REP
                + " where r.company_id = ? and (lower(r.name) = lower(?)"
                + " or lower(split_part(r.name, ' ', 1)) = lower(?)) order by lower(r.name), r.user_id")
        .params(company.value(), name, name)
        .query(Teams::rep)
        .list();
  }

  /**
   * Creates or replaces the rep and their teams.
   *
   * @return whether the rep is new
   */
  boolean saveRep(
      CompanyId company,
      UUID userId,
      String name,
      List<String> languages,
      List<String> products,
      boolean available,
      int capacity,
      List<Long> teamIds,
      Instant now) {
    boolean created =
        jdbc.sql(
                "insert into care_rep (company_id, user_id, name, languages, products, available,"
                    + " capacity, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (company_id, user_id) do update set name = excluded.name,"
                    + " languages = excluded.languages, products = excluded.products,"
                    + " available = excluded.available, capacity = excluded.capacity,"
                    + " updated_at = excluded.updated_at returning (xmax = 0)")
            .params(
                company.value(),
                userId,
                name,
                languages.toArray(String[]::new),
                products.toArray(String[]::new),
                available,
                capacity,
                Timestamp.from(now))
            .query(Boolean.class)
            .single();
    jdbc.sql("delete from care_team_rep where company_id = ? and user_id = ?")
        .params(company.value(), userId)
        .update();
    for (long teamId : teamIds) {
      jdbc.sql("insert into care_team_rep (team_id, company_id, user_id) values (?, ?, ?)")
          .params(teamId, company.value(), userId)
          .update();
    }
    return created;
  }

  boolean setAvailable(CompanyId company, UUID userId, boolean available, Instant now) {
    return jdbc.sql(
                "update care_rep set available = ?, updated_at = ? where company_id = ?"
                    + " and user_id = ?")
            .params(available, Timestamp.from(now), company.value(), userId)
            .update()
        == 1;
  }

  boolean deleteRep(CompanyId company, UUID userId) {
    return jdbc.sql("delete from care_rep where company_id = ? and user_id = ?")
            .params(company.value(), userId)
            .update()
        == 1;
  }

  /** The teams the person led have no lead now. */
  void clearLead(CompanyId company, UUID userId) {
    jdbc.sql("update care_team set lead_id = null where company_id = ? and lead_id = ?")
        .params(company.value(), userId)
        .update();
  }

  private static Team team(ResultSet rs, int row) throws SQLException {
    return new Team(rs.getLong("id"), rs.getString("name"), rs.getObject("lead_id", UUID.class));
  }

  private static Rep rep(ResultSet rs, int row) throws SQLException {
    return new Rep(
        rs.getObject("user_id", UUID.class),
        rs.getString("name"),
        List.of((String[]) rs.getArray("languages").getArray()),
        List.of((String[]) rs.getArray("products").getArray()),
        rs.getBoolean("available"),
        rs.getInt("capacity"),
        List.of((String[]) rs.getArray("teams").getArray()),
        rs.getInt("open_cases"));
  }
}
