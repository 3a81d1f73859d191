package dev.caveat.listening.internal;

import dev.caveat.listening.ClassifierTraining.ModelVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Classifier models by version; at most one is active, and it is the one in use. */
@Repository
class ClassifierModels {

  private static final String COLUMNS =
      "version, digest, created_at, created_by, base_examples, corrections, active";

  private final JdbcClient jdbc;

  ClassifierModels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Stored(ModelVersion version, byte[] model) {}

  /** Stores a model as the next version and makes it the active one. */
  @Transactional
  ModelVersion addActive(
      String digest, int baseExamples, int corrections, byte[] model, String by, Instant at) {
    // Taken in order, so two retrainings at once get two versions instead of a conflict.
    jdbc.sql("lock table classifier_model in share row exclusive mode").update();
    int version =
        jdbc.sql("select coalesce(max(version), 0) + 1 from classifier_model")
            .query(Integer.class)
            .single();
    jdbc.sql("update classifier_model set active = false where active").update();
    jdbc.sql(
            "insert into classifier_model (version, digest, created_at, created_by, base_examples,"
                + " corrections, active, model) values (?, ?, ?, ?, ?, ?, true, ?)")
        .params(version, digest, Timestamp.from(at), by, baseExamples, corrections, model)
        .update();
    return new ModelVersion(version, digest, at, by, baseExamples, corrections, true);
  }

  Optional<Stored> active() {
    return jdbc.sql("select " + COLUMNS + ", model from classifier_model where active")
        .query((rs, row) -> new Stored(map(rs, row), rs.getBytes("model")))
        .optional();
  }

  Optional<Stored> find(int version) {
    return jdbc.sql("select " + COLUMNS + ", model from classifier_model where version = ?")
        .param(version)
        .query((rs, row) -> new Stored(map(rs, row), rs.getBytes("model")))
        .optional();
  }

  /** Newest first. */
  List<ModelVersion> list() {
    return jdbc.sql("select " + COLUMNS + " from classifier_model order by version desc")
        .query(ClassifierModels::map)
        .list();
  }

  @Transactional
  void activate(int version) {
    jdbc.sql("update classifier_model set active = false where active").update();
    jdbc.sql("update classifier_model set active = true where version = ?").param(version).update();
  }

  /** No stored model active: back to the one trained from the shipped base set alone. */
  void deactivateAll() {
    jdbc.sql("update classifier_model set active = false where active").update();
  }

  private static ModelVersion map(ResultSet rs, int row) throws SQLException {
    return new ModelVersion(
        rs.getInt("version"),
        rs.getString("digest"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        rs.getInt("base_examples"),
        rs.getInt("corrections"),
        rs.getBoolean("active"));
  }
}
