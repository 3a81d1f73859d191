package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.listening.MentionDetails;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Mentions as other modules see them: a few fields of the mention and its post. */
@Service
class MentionDetailsQuery implements MentionDetails {

  private static final String SELECT =
      "select m.id, p.source, p.external_id, p.url, p.author_handle, p.author_name,"
          + " p.author_url, p.text, m.intent, m.posted_at, p.language, m.sentiment, m.urgency,"
          + " m.products, m.monitor_name from mention m join post p on p.id = m.post_id";

  private final JdbcClient jdbc;

  MentionDetailsQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Details> find(CompanyId company, long mentionId) {
    return jdbc.sql(SELECT + " where m.company_id = ? and m.id = ?")
        .params(company.value(), mentionId)
        .query(MentionDetailsQuery::map)
        .optional();
  }

  @Override
  public List<Details> findAll(CompanyId company, List<Long> mentionIds) {
    if (mentionIds.isEmpty()) {
      return List.of();
    }
    Map<Long, Details> byId = new HashMap<>();
    jdbc.sql(SELECT + " where m.company_id = ? and m.id = any(?)")
        .params(company.value(), mentionIds.toArray(Long[]::new))
        .query(MentionDetailsQuery::map)
        .list()
        .forEach(d -> byId.put(d.id(), d));
    return mentionIds.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @Override
  public void fileUnderCase(CompanyId company, long mentionId, String caseNumber) {
    jdbc.sql("update mention set case_number = ? where company_id = ? and id = ?")
        .params(caseNumber, company.value(), mentionId)
        .update();
  }

  private static Details map(ResultSet rs, int row) throws SQLException {
    float sentiment = rs.getFloat("sentiment");
    // Through its decimal form, so that -0.3 stays -0.3 and not -0.30000001192092896.
    Double sentimentOrNull = rs.wasNull() ? null : Double.valueOf(Float.toString(sentiment));
    return new Details(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("external_id"),
        rs.getString("url"),
        rs.getString("author_handle"),
        rs.getString("author_name"),
        rs.getString("author_url"),
        rs.getString("text"),
        rs.getString("intent"),
        rs.getTimestamp("posted_at").toInstant(),
        rs.getString("language"),
        sentimentOrNull,
        List.of((String[]) rs.getArray("urgency").getArray()),
        List.of((String[]) rs.getArray("products").getArray()),
        rs.getString("monitor_name"));
  }
}
