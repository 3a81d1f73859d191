package dev.caveat.source.internal;

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
class Imports {

  record Job(
      UUID id,
      String status,
      String fileName,
      long totalBytes,
      long offsetBytes,
      long lines,
      long accepted,
      long duplicates,
      long rejected,
      String error,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt) {}

  record Rejection(long line, String reason) {}

  /** What one batch added, and where it ended. */
  record Progress(long offsetBytes, long lines, long accepted, long duplicates, long rejected) {}

  static final int KEPT_REJECTIONS = 1_000;

  private final JdbcClient jdbc;

  Imports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, String fileName, long totalBytes, Instant now) {
    jdbc.sql(
            "insert into import_job (id, status, file_name, total_bytes, created_at)"
                + " values (?, 'queued', ?, ?, ?)")
        .params(id, fileName, totalBytes, Timestamp.from(now))
        .update();
  }

  Optional<Job> find(UUID id) {
    return jdbc.sql("select * from import_job where id = ?")
        .param(id)
        .query(Imports::map)
        .optional();
  }

  List<Job> newestFirst(int limit) {
    return jdbc.sql("select * from import_job order by created_at desc limit ?")
        .param(limit)
        .query(Imports::map)
        .list();
  }

  /** The oldest import not finished: one that was running when Caveat stopped comes first. */
  Optional<Job> nextPending() {
    return jdbc.sql(
            "select * from import_job where status in ('queued', 'running')"
                + " order by status = 'running' desc, created_at limit 1")
        .query(Imports::map)
        .optional();
  }

  void started(UUID id, Instant now) {
    jdbc.sql(
            "update import_job set status = 'running', started_at = coalesce(started_at, ?)"
                + " where id = ?")
        .params(Timestamp.from(now), id)
        .update();
  }

  void advanced(UUID id, Progress progress, List<Rejection> rejections) {
    jdbc.sql(
            "update import_job set offset_bytes = ?, lines = lines + ?, accepted = accepted + ?,"
                + " duplicates = duplicates + ?, rejected = rejected + ? where id = ?")
        .params(
            progress.offsetBytes(),
            progress.lines(),
            progress.accepted(),
            progress.duplicates(),
            progress.rejected(),
            id)
        .update();
    for (Rejection rejection : rejections) {
      jdbc.sql(
              "insert into import_rejection (import_id, line, reason)"
                  + " select ?, ?, ? where (select count(*) from import_rejection where import_id = ?) < ?"
                  + " on conflict do nothing")
          .params(id, rejection.line(), rejection.reason(), id, KEPT_REJECTIONS)
          .update();
    }
  }

  void finished(UUID id, String status, String error, Instant now) {
    jdbc.sql("update import_job set status = ?, error = ?, finished_at = ? where id = ?")
        .params(status, error, Timestamp.from(now), id)
        .update();
  }

  List<Rejection> rejections(UUID id, int limit) {
    return jdbc.sql(
            "select line, reason from import_rejection where import_id = ? order by line limit ?")
        .params(id, limit)
        .query((rs, row) -> new Rejection(rs.getLong("line"), rs.getString("reason")))
        .list();
  }

  private static Job map(ResultSet rs, int row) throws SQLException {
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("status"),
        rs.getString("file_name"),
        rs.getLong("total_bytes"),
        rs.getLong("offset_bytes"),
        rs.getLong("lines"),
        rs.getLong("accepted"),
        rs.getLong("duplicates"),
        rs.getLong("rejected"),
        rs.getString("error"),
        instant(rs, "created_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
