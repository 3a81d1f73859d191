package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.classify.Intent;
import dev.caveat.core.classify.LabelledPost;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What reps said a post's intent really is. Kept with the post's text, so the next retraining
 * learns from it whatever happens to the mention later.
 */
@Repository
class IntentCorrections {

  private final JdbcClient jdbc;

  IntentCorrections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Correction(
      CompanyId company,
      long mentionId,
      String text,
      String language,
      String intentBefore,
      Intent intent,
      String by,
      Instant at) {}

  void add(Correction c) {
    jdbc.sql(
            "insert into intent_correction (company_id, mention_id, text, language, intent_before,"
                + " intent, corrected_by, corrected_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.company().value(),
            c.mentionId(),
            c.text(),
            c.language(),
            c.intentBefore(),
            c.intent().code(),
            c.by(),
            Timestamp.from(c.at()))
        .update();
  }

  /** Every correction as a training example; the latest word on a text wins. */
  List<LabelledPost> all() {
    return jdbc.sql(
            "select distinct on (text) text, language, intent from intent_correction"
                + " order by text, corrected_at desc, id desc")
        .query(
            (rs, row) ->
                LabelledPost.correction(
                    rs.getString("text"),
                    rs.getString("language"),
                    Intent.of(rs.getString("intent"))))
        .list();
  }
}
