package dev.caveat.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded PostgreSQL of a running Caveat, reached beside it: its port is in the server's
 * {@code postmaster.pid} in the data directory, and it trusts local connections.
 */
final class Postgres {

  private Postgres() {}

  static Connection connect(Path dataDir) throws IOException, SQLException {
    List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
    String port = pid.get(3).strip();
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/caveat", "postgres", "");
  }

  /**
   * Asks the server to load pg_stat_statements from its next start, so the run can name its slowest
   * statements. Written to the data directory's postgresql.auto.conf.
   */
  static void trackStatementsFromNextStart(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
      s.execute("alter system set pg_stat_statements.track = 'all'");
    }
  }

  /** Starts counting statements afresh; false when the server was started without the module. */
  static boolean resetStatements(Connection db) {
    try (Statement s = db.createStatement()) {
      s.execute("create extension if not exists pg_stat_statements");
      s.execute("select pg_stat_statements_reset()");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** The statements that took longest at their worst, with their mean and how often they ran. */
  static List<String> slowest(Connection db, int limit) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select calls, mean_exec_time, max_exec_time, rows / greatest(calls, 1) as rows,"
                    + " shared_blks_read, regexp_replace(query, '\\s+', ' ', 'g') as query"
                    + " from pg_stat_statements where dbid = (select oid from pg_database"
                    + " where datname = 'caveat') order by mean_exec_time * calls desc limit "
                    + limit)) {
      while (rs.next()) {
        String query = rs.getString("query");
        lines.add(
            String.format(
                "%,9d calls  mean %7.2f ms  max %8.2f ms  %5d rows  %,9d blocks read  %s",
                rs.getLong("calls"),
                rs.getDouble("mean_exec_time"),
                rs.getDouble("max_exec_time"),
                rs.getLong("rows"),
                rs.getLong("shared_blks_read"),
                query.length() > 220 ? query.substring(0, 220) + "…" : query));
      }
    }
    return lines;
  }

  /** The database's size and its largest tables with their indexes. */
  static List<String> sizes(Connection db) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("select pg_size_pretty(pg_database_size('caveat'))")) {
        rs.next();
        lines.add("database caveat: " + rs.getString(1));
      }
      try (ResultSet rs =
          s.executeQuery(
              "select c.relname, c.reltuples::bigint,"
                  + " pg_size_pretty(pg_table_size(c.oid)), pg_size_pretty(pg_indexes_size(c.oid))"
                  + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                  + " where n.nspname = 'public' and c.relkind = 'r'"
                  + " order by pg_total_relation_size(c.oid) desc limit 10")) {
        while (rs.next()) {
          lines.add(
              String.format(
                  "  %-20s ≈%,11d rows  %9s table  %9s indexes",
                  rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return lines;
  }
}
