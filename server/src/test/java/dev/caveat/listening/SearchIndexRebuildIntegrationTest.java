package dev.caveat.listening;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.ChildCaveat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A search index written before searches were answered from a sorted index is built again from the
 * database at start: every mention is found again, newest first, page after page.
 */
@Tag("persistence")
class SearchIndexRebuildIntegrationTest {

  @Test
  void anUnsortedIndexIsBuiltAgainFromTheDatabase() throws Exception {
    Path dataDir = CaveatTestUtils.newDataDir();
    String admin;
    try (ChildCaveat first = ChildCaveat.start(dataDir)) {
      ApiClient api = first.api();
      admin = companyWithAdminToken(api, "rebuild");
      monitor(api, admin, "rebuild", "Brand", "rebuildbrand");
      List<Map<String, Object>> posts = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        posts.add(
            Map.of(
                "source",
                "rebuild-forum",
                "externalId",
                "p" + i,
                "text",
                "Post " + i + " about the rebuildbrand kettle " + "word".repeat(i),
                "published",
                "2026-11-0" + i + "T10:00:00Z"));
      }
      assertThat(api.post("/api/v1/ingest", OPERATOR, posts).status()).isEqualTo(200);
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> search(api, admin, "kettle", "").size() == 5);
    }
    // What an index of an earlier version looks like: unsorted, and sure it has every mention.
    try (FSDirectory directory = FSDirectory.open(dataDir.resolve("search"));
        IndexWriter old =
            new IndexWriter(
                directory,
                new IndexWriterConfig(new StandardAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      Document doc = new Document();
      doc.add(new TextField("text", "nothing of the kettle", Field.Store.NO));
      old.addDocument(doc);
      old.setLiveCommitData(Map.of("lastMentionId", "1000000").entrySet());
      old.commit();
    }

    try (ChildCaveat second = ChildCaveat.start(dataDir)) {
      ApiClient api = second.api();
      List<String> firstPage = search(api, admin, "kettle", "&limit=3");
      assertThat(firstPage)
          .containsExactly(
              "Post 5 about the rebuildbrand kettle " + "word".repeat(5),
              "Post 4 about the rebuildbrand kettle " + "word".repeat(4),
              "Post 3 about the rebuildbrand kettle " + "word".repeat(3));
      JsonNode page = page(api, admin, "kettle", "&limit=3");
      String cursor = page.get("nextCursor").stringValue();
      assertThat(texts(page(api, admin, "kettle", "&limit=3&cursor=" + cursor)))
          .containsExactly(
              "Post 2 about the rebuildbrand kettle " + "word".repeat(2),
              "Post 1 about the rebuildbrand kettle " + "word");
    }
  }

  private static List<String> search(ApiClient api, String token, String q, String more) {
    return texts(page(api, token, q, more));
  }

  private static JsonNode page(ApiClient api, String token, String q, String more) {
    ApiClient.Response r =
        api.get(
            "/api/v1/companies/rebuild/mentions?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + more,
            token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> texts(JsonNode page) {
    return page.get("items").valueStream().map(m -> m.get("text").stringValue()).toList();
  }
}
