package dev.caveat.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.post.Post;
import dev.caveat.core.query.QueryNode;
import dev.caveat.core.query.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.junit.jupiter.api.Test;

/** The first pass never changes an answer: the engine matches exactly what bare Monitor matches. */
class AnchorIndexUnitTest {

  static final String[] WORDS = {
    "zephyr",
    "router",
    "reboot",
    "rebooting",
    "outage",
    "refund",
    "billing",
    "northwind",
    "kettle",
    "café",
    "support",
    "slow",
    "broken",
    "fibre",
    "careers",
    "hiring",
    "the",
    "my",
    "is",
    "again"
  };

  @Test
  void theEngineAnswersExactlyAsBareMonitorDoes() throws Exception {
    Random random = new Random(20261123);
    List<StandingQuery> queries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      queries.add(new StandingQuery("q" + i, query(random)));
    }
    queries.add(new StandingQuery("anchorless", "author:bryce"));
    queries.add(new StandingQuery("guarded", "zephyr", true, List.of("careers")));
    QueryCompiler compiler = new QueryCompiler();
    try (MatchEngine engine = new MatchEngine();
        Monitor bare = new Monitor(new PostAnalyzer())) {
      // In small batches, as monitors arrive, so that anchors are reviewed on the way.
      for (int from = 0; from < queries.size(); from += 10) {
        engine.register(queries.subList(from, Math.min(queries.size(), from + 10)));
      }
      bare.register(
          queries.stream().map(q -> new MonitorQuery(q.id(), compiler.compile(q))).toList());
      int matchedSomething = 0;
      for (int p = 0; p < 2_000; p++) {
        Post post = post(random, p);
        Set<String> expected = new TreeSet<>();
        MatchingQueries<QueryMatch> matches =
            bare.match(PostDocuments.of(post), QueryMatch.SIMPLE_MATCHER);
        matches.getMatches().forEach(m -> expected.add(m.getQueryId()));
        assertThat(engine.match(post)).as(post.text()).isEqualTo(expected);
        matchedSomething += expected.isEmpty() ? 0 : 1;
      }
      assertThat(matchedSomething)
          .as("the generated posts exercise both paths")
          .isBetween(50, 1_950);

      engine.remove("anchorless");
      Post unrelated =
          new Post(
              "s",
              "x",
              null,
              new Post.Author("bryce", null, null),
              null,
              "nothing here at all",
              null,
              null,
              null,
              null);
      assertThat(engine.match(unrelated)).isEmpty();
    }
  }

  @Test
  void queriesLeaveAWordThatManyQueriesNameForTheirOwnRarerWord() {
    AnchorIndex index = new AnchorIndex();
    for (int company = 0; company < 100; company++) {
      List<AnchorIndex.Indexed> monitors = new ArrayList<>();
      for (String product : List.of("installer", "fibre")) {
        monitors.add(indexed(company + "/" + product, "brand" + company + " " + product));
      }
      index.put(monitors);
    }
    assertThat(index.anchorsOf("0/installer").terms()).containsExactly("brand0");
    assertThat(index.anchorsOf("99/fibre").terms()).containsExactly("brand99");
    assertThat(index.candidates(keys("the installer came late with the wrong fibre box")))
        .as("a post naming no monitored brand wakes no query")
        .isEmpty();
    assertThat(index.candidates(keys("brand7 sent an installer"))).containsOnlyKeys("7/installer");
  }

  @Test
  void queriesOnAuthorSiteOrLanguageAloneAreAnchoredOnThem() {
    AnchorIndex index = new AnchorIndex();
    index.put(
        List.of(
            indexed("author", "author:bryce"),
            indexed("site", "site:forum.example.com"),
            indexed("lang", "lang:fr")));
    Post other =
        new Post(
            "s",
            "1",
            "https://elsewhere.org/x",
            new Post.Author("someone", "Some One", null),
            null,
            "hello",
            null,
            null,
            null,
            "en");
    assertThat(index.candidates(PostKeys.of(other, new PostAnalyzer()))).isEmpty();
    Post bryce =
        new Post(
            "s",
            "2",
            "https://forum.example.com/t/9",
            new Post.Author("bryce", null, null),
            null,
            "hello",
            null,
            null,
            null,
            "FR");
    assertThat(index.candidates(PostKeys.of(bryce, new PostAnalyzer())))
        .containsOnlyKeys("author", "site", "lang");
  }

  private static AnchorIndex.Indexed indexed(String id, String query) {
    QueryNode node = QueryParser.parse(query);
    return new AnchorIndex.Indexed(
        id,
        AnchorPlan.of(node),
        WordCheck.of(node),
        new QueryCompiler().compile(new StandingQuery(id, query)));
  }

  private static Set<String> keys(String text) {
    return PostKeys.of(MatchTestUtils.post(text), new PostAnalyzer());
  }

  private static String query(Random random) {
    String a = WORDS[random.nextInt(WORDS.length)];
    String b = WORDS[random.nextInt(WORDS.length)];
    return switch (random.nextInt(9)) {
      case 0 -> a;
      case 1 -> a + " " + b;
      case 2 -> "\"" + a + " " + b + "\"";
      case 3 -> a + " OR " + b.substring(0, Math.max(2, b.length() - 2)) + "*";
      case 4 -> a + " NEAR/3 " + b;
      case 5 -> a + " -" + b;
      case 6 -> "author:bryce " + a;
      case 7 -> "site:example.com OR " + a;
      default -> "lang:fr " + a;
    };
  }

  private static Post post(Random random, int n) {
    StringBuilder text = new StringBuilder();
    int words = 3 + random.nextInt(10);
    for (int w = 0; w < words; w++) {
      text.append(w == 0 ? "" : " ")
          .append(
              random.nextInt(3) == 0
                  ? WORDS[random.nextInt(WORDS.length)]
                  : "filler" + random.nextInt(50));
    }
    String author = random.nextInt(20) == 0 ? "bryce" : "someone";
    String[] sites = {
      "https://example.com/a", "https://forum.example.com/t/1", "https://other.org/"
    };
    String[] languages = {"en", "fr", null};
    return new Post(
        "s",
        Integer.toString(n),
        sites[random.nextInt(sites.length)],
        new Post.Author(author, null, null),
        null,
        text.toString(),
        null,
        null,
        null,
        languages[random.nextInt(languages.length)]);
  }
}
