package dev.caveat.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.post.Post;
import dev.caveat.core.query.QueryParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorsUnitTest {

  private static Anchors anchors(String query) {
    return Anchors.of(QueryParser.parse(query));
  }

  private static Set<String> set(String words) {
    return words.isEmpty() ? Set.of() : Set.of(words.split(" "));
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
        "author:bryce dell|dell|~~",
        "comcast.net|comcast|~~"
      })
  void anchorsAreWordsOneOfWhichEveryMatchContains(String query, String terms, String prefixes) {
    assertThat(anchors(query)).isEqualTo(new Anchors(set(terms), set(prefixes)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "author:bryce",
        "site:example.com lang:fr",
        "author:bryce OR dell",
        "dell OR lang:fr",
        "\"...\""
      })
  void queriesThatNeedNoParticularWordHaveNoAnchors(String query) {
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
            "author:bryce dell");
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
        String body = post.title() == null ? post.text() : post.title() + "\n" + post.text();
        List<String> words = QueryText.tokens(body);
        for (String id : engine.match(post)) {
          Anchors anchors = anchors(queries.get(Integer.parseInt(id)));
          boolean anchored =
              words.stream()
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
