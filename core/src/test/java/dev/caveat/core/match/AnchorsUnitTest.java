package dev.caveat.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.post.Post;
import dev.caveat.core.query.QueryField;
import dev.caveat.core.query.QueryParser;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorsUnitTest {

  private static Anchors anchors(String query) {
    return Anchors.of(QueryParser.parse(query));
  }

  private static Set<String> set(String words) {
    if (words.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(words.split(" "))
        .map(w -> w.contains(":") ? fieldKey(w) : w)
        .collect(Collectors.toSet());
  }

  /** "author:bryce" as the first pass keys it. */
  private static String fieldKey(String written) {
    int colon = written.indexOf(':');
    QueryField field =
        Arrays.stream(QueryField.values())
            .filter(f -> f.keyword().equals(written.substring(0, colon)))
            .findFirst()
            .orElseThrow();
    return PostKeys.field(field, written.substring(colon + 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "dell|dell|~~",
        "Café|cafe|~~",
        "\"power supply\"|supply|~~",
        "dell OR hp|dell hp|~~",
        "dell hp|dell|~~",
        "(dell OR hp) xps|xps|~~",
        "dell -careers|dell|~~",
        "refund*|~~|refund",
        "Refund* OR dell|dell|refund",
        "refund* dell|dell|~~",
        "power-sup*|power|~~",
        "dell NEAR/3 \"power supply\"|supply|~~",
        "title:lenovo|lenovo|~~",
        "author:bryce dell|author:bryce|~~",
        "comcast.net|comcast|~~",
        "author:bryce|author:bryce|~~",
        "author:\"Bryce B\"|author:bryce|~~",
        "site:example.com lang:fr|site:example.com|~~",
        "site:https://Forum.Example.com/x|site:forum.example.com|~~",
        "author:bryce OR dell|author:bryce dell|~~",
        "dell OR lang:FR|dell lang:fr|~~"
      })
  void anchorsAreWordsOneOfWhichEveryMatchContains(String query, String terms, String prefixes) {
    assertThat(anchors(query)).isEqualTo(new Anchors(set(terms), set(prefixes)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\"...\"", "dell OR \"...\""})
  void queriesThatNeedNoParticularKeyHaveNoAnchors(String query) {
    assertThat(anchors(query).isNone()).isTrue();
  }

  @Test
  void everyPostAQueryMatchesContainsOneOfItsAnchors() {
    List<String> queries =
        List.of(
            "dell",
            "\"power supply\" OR psu",
            "(dell OR hp) NEAR/3 charg*",
            "refund* -policy",
            "title:(xps OR inspiron) support",
            "comcast.net OR xfinity",
            "author:bryce dell",
            "author:bryce");
    List<Post> posts =
        List.of(
            MatchTestUtils.post("My Dell power supply died"),
            MatchTestUtils.post("the psu is dead"),
            MatchTestUtils.post("hp keeps charging"),
            MatchTestUtils.post("Refunds take ages"),
            MatchTestUtils.titled("XPS 13", "support was great"),
            MatchTestUtils.post("mail help@comcast.net"),
            MatchTestUtils.by("bryce", null, "dell rocks"),
            MatchTestUtils.post("nothing to see"));
    int matched = 0;
    try (MatchEngine engine = new MatchEngine()) {
      for (int i = 0; i < queries.size(); i++) {
        engine.register(new StandingQuery(Integer.toString(i), queries.get(i)));
      }
      for (Post post : posts) {
        Set<String> keys = PostKeys.of(post, new PostAnalyzer());
        for (String id : engine.match(post)) {
          Anchors anchors = anchors(queries.get(Integer.parseInt(id)));
          boolean anchored =
              keys.stream()
                  .anyMatch(
                      w ->
                          anchors.terms().contains(w)
                              || anchors.prefixes().stream().anyMatch(w::startsWith));
          assertThat(anchored)
              .as(queries.get(Integer.parseInt(id)) + " on " + post.text())
              .isTrue();
          matched++;
        }
      }
    }
    assertThat(matched).as("matches checked").isGreaterThanOrEqualTo(queries.size());
  }
}
