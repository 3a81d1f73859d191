package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.Urgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

@Repository
class Mentions {

  /** A mention with the post it is about, as reps and the API see it. */
  record Mention(
      long id,
      long postId,
      String source,
      String externalId,
      String url,
      String authorHandle,
      String authorName,
      String authorUrl,
      String title,
      String text,
      String language,
      String intent,
      Float sentiment,
      String monitor,
      String caseNumber,
      String cluster,
      int copies,
      Instant postedAt,
      Instant foundAt,
      List<String> urgency,
      Float intentConfidence,
      List<Why> reasons,
      boolean intentCorrected,
      List<String> products) {}

  /** One piece of evidence for a label, as the classifier gave it. */
  record Why(String label, String evidence, double weight) {}

  /** Where a page of mentions ends: the next page starts strictly after it. */
  record Position(Instant postedAt, long id) {}

  record Filter(Instant since, String intent) {}

  private static final String SELECT =
      "select m.id, m.post_id, p.source, p.external_id, p.url, p.author_handle, p.author_name,"
          + " p.author_url, p.title, p.text, p.language, m.intent, m.sentiment, m.monitor_name,"
          + " m.case_number, m.cluster, m.copies, m.posted_at, m.found_at, m.urgency,"
          + " m.intent_confidence, m.reasons::text as reasons, m.intent_corrected, m.products"
          + " from mention m join post p on p.id = m.post_id";

  private final JdbcClient jdbc;

  Mentions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What the classifier said of a mention's post.
   *
   * @param reasons the evidence, as JSON: [{"label","evidence","weight"}]
   */
  record Labels(
      String intent,
      float confidence,
      float sentiment,
      List<String> urgency,
      List<String> products,
      String reasons) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Labels of(Classification c) {
      List<Map<String, Object>> reasons =
          c.reasons().stream()
              .map(
                  r ->
                      Map.<String, Object>of(
                          "label", r.label(), "evidence", r.evidence(), "weight", r.weight()))
              .toList();
      return new Labels(
          c.intent().code(),
          (float) c.intentConfidence(),
          (float) c.sentiment(),
          c.urgency().stream().sorted().map(Urgency::code).toList(),
          c.products(),
          JSON.writeValueAsString(reasons));
    }
  }

  /** Between product names in one text: a character no product name contains. */
  private static final String UNIT_SEPARATOR = "\u001f";

  /** A mention to record: the first post of its cluster a company's monitor matched. */
  record NewMention(
      CompanyId company,
      long postId,
      UUID monitorId,
      String monitorName,
      Instant postedAt,
      String cluster,
      int copies,
      Labels labels) {

    NewMention withCopies(int more) {
      return new NewMention(
          company, postId, monitorId, monitorName, postedAt, cluster, more, labels);
    }
  }

  /** A mention as recorded; {@code created} is false when it only counted more copies. */
  record Recorded(long id, CompanyId company, long postId, UUID monitorId, boolean created) {}

  /**
   * Records the mentions in one round trip; a cluster a company already has a mention of adds to
   * that mention's copies instead. At most one entry per company and cluster.
   */
  List<Recorded> upsertAll(List<NewMention> mentions, Instant foundAt) {
    int n = mentions.size();
    if (n == 0) {
      return List.of();
    }
    String[] companies = new String[n];
    Long[] posts = new Long[n];
    String[] monitors = new String[n];
    String[] names = new String[n];
    String[] postedAt = new String[n];
    String[] clusters = new String[n];
    Integer[] copies = new Integer[n];
    String[] intents = new String[n];
    Float[] confidences = new Float[n];
    Float[] sentiments = new Float[n];
    String[] urgencies = new String[n];
    String[] reasons = new String[n];
    String[] products = new String[n];
    for (int i = 0; i < n; i++) {
      NewMention m = mentions.get(i);
      companies[i] = m.company().value().toString();
      posts[i] = m.postId();
      monitors[i] = m.monitorId() == null ? null : m.monitorId().toString();
      names[i] = m.monitorName();
      postedAt[i] = m.postedAt().toString();
      clusters[i] = m.cluster();
      copies[i] = m.copies();
      Labels labels = m.labels();
      intents[i] = labels == null ? null : labels.intent();
      confidences[i] = labels == null ? null : labels.confidence();
      sentiments[i] = labels == null ? null : labels.sentiment();
      // One text per row: unnest cannot take an array of arrays of different lengths.
      urgencies[i] = labels == null ? "" : String.join(",", labels.urgency());
      reasons[i] = labels == null ? null : labels.reasons();
      products[i] = labels == null ? "" : String.join(UNIT_SEPARATOR, labels.products());
    }
    return jdbc.sql(
            "insert into mention (company_id, post_id, monitor_id, monitor_name, posted_at,"
                + " found_at, cluster, copies, intent, intent_confidence, sentiment, urgency,"
                + " reasons, products)"
                + " select c::uuid, p, m::uuid, n, t::timestamptz, ?, cl, k, i, ic, s,"
                + " string_to_array(u, ','), r::jsonb, string_to_array(pr, chr(31))"
                + " from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::int[], ?::text[], ?::real[], ?::real[], ?::text[], ?::text[], ?::text[])"
                + " as x(c, p, m, n, t, cl, k, i, ic, s, u, r, pr)"
                + " on conflict (company_id, cluster) do update"
                + " set copies = mention.copies + excluded.copies"
                + " returning id, company_id, post_id, monitor_id, (xmax = 0) as created")
        .params(
            Timestamp.from(foundAt),
            companies,
            posts,
            monitors,
            names,
            postedAt,
            clusters,
            copies,
            intents,
            confidences,
            sentiments,
            urgencies,
            reasons,
            products)
        .query(
            (rs, row) ->
                new Recorded(
                    rs.getLong("id"),
                    new CompanyId(rs.getObject("company_id", UUID.class)),
                    rs.getLong("post_id"),
                    rs.getObject("monitor_id", UUID.class),
                    rs.getBoolean("created")))
        .list();
  }

  /** Newest first; {@code limit} rows after {@code after}, or from the newest when it is null. */
  List<Mention> page(CompanyId company, Filter filter, Position after, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where m.company_id = :company");
    Map<String, Object> params = new HashMap<>();
    params.put("company", company.value());
    if (filter.since() != null) {
      sql.append(" and m.posted_at >= :since");
      params.put("since", Timestamp.from(filter.since()));
    }
    if (filter.intent() != null) {
      sql.append(" and m.intent = :intent");
      params.put("intent", filter.intent());
    }
    if (after != null) {
      sql.append(" and (m.posted_at, m.id) < (:afterPosted, :afterId)");
      params.put("afterPosted", Timestamp.from(after.postedAt()));
      params.put("afterId", after.id());
    }
    sql.append(" order by m.posted_at desc, m.id desc limit :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(Mentions::map).list();
  }

  /** A mention with its whole post, as the search index takes it. */
  record Indexable(
      long id,
      CompanyId company,
      Instant postedAt,
      String intent,
      dev.caveat.core.post.Post post) {}

  private static final String INDEXABLE =
      "select m.id, m.company_id, m.posted_at, m.intent, p.source, p.external_id, p.url,"
          + " p.author_handle, p.author_name, p.author_url, p.title, p.text, p.language"
          + " from mention m join post p on p.id = m.post_id";

  List<Indexable> indexable(long afterId, int limit) {
    return jdbc.sql(INDEXABLE + " where m.id > ? order by m.id limit ?")
        .params(afterId, limit)
        .query(Mentions::indexable)
        .list();
  }

  List<Indexable> indexable(List<Long> ids) {
    return jdbc.sql(INDEXABLE + " where m.id = any(?) order by m.id")
        .param(ids.toArray(Long[]::new))
        .query(Mentions::indexable)
        .list();
  }

  /** The company's mentions with these ids, in the order given; ids of others are skipped. */
  List<Mention> findAll(CompanyId company, List<Long> ids) {
    Map<Long, Mention> byId = new HashMap<>();
    jdbc.sql(SELECT + " where m.company_id = ? and m.id = any(?)")
        .params(company.value(), ids.toArray(Long[]::new))
        .query(Mentions::map)
        .list()
        .forEach(m -> byId.put(m.id(), m));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  private static Indexable indexable(ResultSet rs, int row) throws SQLException {
    String handle = rs.getString("author_handle");
    String name = rs.getString("author_name");
    String url = rs.getString("author_url");
    return new Indexable(
        rs.getLong("id"),
        new CompanyId(rs.getObject("company_id", UUID.class)),
        rs.getTimestamp("posted_at").toInstant(),
        rs.getString("intent"),
        new dev.caveat.core.post.Post(
            rs.getString("source"),
            rs.getString("external_id"),
            rs.getString("url"),
            handle == null && name == null && url == null
                ? null
                : new dev.caveat.core.post.Post.Author(handle, name, url),
            rs.getString("title"),
            rs.getString("text"),
            null,
            null,
            null,
            rs.getString("language")));
  }

  Optional<Mention> find(CompanyId company, long id) {
    return jdbc.sql(SELECT + " where m.company_id = ? and m.id = ?")
        .params(company.value(), id)
        .query(Mentions::map)
        .optional();
  }

  private static Mention map(ResultSet rs, int row) throws SQLException {
    Number sentiment = (Number) rs.getObject("sentiment");
    Number confidence = (Number) rs.getObject("intent_confidence");
    return new Mention(
        rs.getLong("id"),
        rs.getLong("post_id"),
        rs.getString("source"),
        rs.getString("external_id"),
        rs.getString("url"),
        rs.getString("author_handle"),
        rs.getString("author_name"),
        rs.getString("author_url"),
        rs.getString("title"),
        rs.getString("text"),
        rs.getString("language"),
        rs.getString("intent"),
        sentiment == null ? null : sentiment.floatValue(),
        rs.getString("monitor_name"),
        rs.getString("case_number"),
        rs.getString("cluster"),
        rs.getInt("copies"),
        rs.getTimestamp("posted_at").toInstant(),
        rs.getTimestamp("found_at").toInstant(),
        List.of((String[]) rs.getArray("urgency").getArray()),
        confidence == null ? null : confidence.floatValue(),
        reasons(rs.getString("reasons")),
        rs.getBoolean("intent_corrected"),
        List.of((String[]) rs.getArray("products").getArray()));
  }

  /**
   * The reasons of a mention, read token by token: pages carry fifty mentions with about ten
   * reasons each, and binding them through the object mapper cost a tenth of serving a page.
   */
  static List<Why> reasons(String json) {
    if (json == null) {
      return List.of();
    }
    List<Why> reasons = new ArrayList<>();
    try (JsonParser parser = Labels.JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return List.of();
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        String label = null;
        String evidence = null;
        double weight = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          switch (name) {
            case "label" -> label = parser.getString();
            case "evidence" -> evidence = parser.getString();
            case "weight" -> weight = parser.getDoubleValue();
            default -> parser.skipChildren();
          }
        }
        reasons.add(new Why(label, evidence, weight));
      }
    }
    return reasons;
  }

  /**
   * Sets the intent a rep says is right; the classifier's word is kept in the correction.
   *
   * @return the mention as it was before, if the company has it
   */
  Optional<Mention> correctIntent(CompanyId company, long id, String intent) {
    Optional<Mention> before = find(company, id);
    before.ifPresent(
        m ->
            jdbc.sql(
                    "update mention set intent = ?, intent_corrected = true"
                        + " where company_id = ? and id = ?")
                .params(intent, company.value(), id)
                .update());
    return before;
  }

  /**
   * Takes a chat model's reading of the mention's intent, with its reason first among the evidence,
   * unless a rep corrected the intent meanwhile.
   *
   * @return whether the mention now carries it
   */
  boolean takeSecondOpinion(
      CompanyId company, long id, String intent, String label, String evidence) {
    String reason =
        Labels.JSON.writeValueAsString(
            List.of(Map.of("label", label, "evidence", evidence, "weight", 0)));
    return jdbc.sql(
                "update mention set intent = ?, reasons = ?::jsonb || coalesce(reasons, '[]')"
                    + " where company_id = ? and id = ? and not intent_corrected")
            .params(intent, reason, company.value(), id)
            .update()
        == 1;
  }
}
