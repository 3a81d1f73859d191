package dev.caveat.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.post.Post;
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
      engine.register(queries);
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

  private static String query(Random random) {
    String a = WORDS[random.nextInt(WORDS.length)];
    String b = WORDS[random.nextInt(WORDS.length)];
    return switch (random.nextInt(6)) {
      case 0 -> a;
      case 1 -> a + " " + b;
      case 2 -> "\"" + a + " " + b + "\"";
      case 3 -> a + " OR " + b.substring(0, Math.max(2, b.length() - 2)) + "*";
      case 4 -> a + " NEAR/3 " + b;
      default -> a + " -" + b;
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
    return new Post(
        "s",
        Integer.toString(n),
        null,
        new Post.Author(author, null, null),
        null,
        text.toString(),
        null,
        null,
        null,
        null);
  }
}
