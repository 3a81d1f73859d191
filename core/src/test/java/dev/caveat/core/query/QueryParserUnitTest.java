package dev.caveat.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Term;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserUnitTest {

  @Test
  void aSingleWordIsATerm() {
    assertThat(QueryParser.parse("dell")).isEqualTo(new Term("dell"));
  }

  @Test
  void quotedWordsAreOnePhraseWithSpacesFolded() {
    assertThat(QueryParser.parse("\"power   supply\"")).isEqualTo(new Phrase("power supply"));
  }

  @Test
  void adjacentClausesAreJoinedByAnd() {
    assertThat(QueryParser.parse("dell laptop"))
        .isEqualTo(new And(List.of(new Term("dell"), new Term("laptop"))));
    assertThat(QueryParser.parse("dell AND laptop")).isEqualTo(QueryParser.parse("dell laptop"));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(QueryParser.parse("a OR b AND c"))
        .isEqualTo(new Or(List.of(new Term("a"), new And(List.of(new Term("b"), new Term("c"))))));
  }

  @Test
  void parenthesesGroup() {
    assertThat(QueryParser.parse("(a OR b) c"))
        .isEqualTo(new And(List.of(new Or(List.of(new Term("a"), new Term("b"))), new Term("c"))));
  }

  @Test
  void notAndMinusExclude() {
    And expected = new And(List.of(new Term("dell"), new Not(new Term("careers"))));
    assertThat(QueryParser.parse("dell NOT careers")).isEqualTo(expected);
    assertThat(QueryParser.parse("dell -careers")).isEqualTo(expected);
  }

  @Test
  void lowercaseOperatorsAreWords() {
    assertThat(QueryParser.parse("rock and roll"))
        .isEqualTo(new And(List.of(new Term("rock"), new Term("and"), new Term("roll"))));
  }

  @Test
  void wordsThatStartWithAnOperatorAreWords() {
    assertThat(QueryParser.parse("ORACLE NOTION ANDROID"))
        .isEqualTo(new And(List.of(new Term("ORACLE"), new Term("NOTION"), new Term("ANDROID"))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~~|1|a term, a \"phrase\", NOT or '('|the query is empty",
        "dell AND|9|a term, a \"phrase\", NOT or '('|the query ends",
        "(dell OR hp|1|')'|never closed",
        "dell)|5|AND, OR or the end of the query|')' without a matching '('",
        "\"power supply|1|'\"'|phrase that starts here is never closed",
        "OR dell|1|a term, a \"phrase\", NOT or '('|an operator cannot stand here",
        "dell AND OR hp|10|a term, a \"phrase\", NOT or '('|an operator cannot stand here",
        "NOT dell|1|a term that posts must contain|only says what posts must not contain",
        "dell - hp|6|a term, a \"phrase\", NOT or '('|'-' must stand right before",
        "\"  \"|1|words inside the quotes|the phrase is empty",
        "()|2|a term, a \"phrase\", NOT or '('|unexpected ')'"
      })
  void errorsSayWhereAndWhat(String query, int position, String expected, String problem) {
    assertSyntaxError(query, position, expected, problem);
  }

  static void assertSyntaxError(String query, int position, String expected, String problem) {
    assertThatThrownBy(() -> QueryParser.parse(query))
        .as(query)
        .isInstanceOfSatisfying(
            QuerySyntaxException.class,
            e -> {
              assertThat(e.position()).as("position in " + query).isEqualTo(position);
              assertThat(e.expected()).as("expected in " + query).isEqualTo(expected);
              assertThat(e.getMessage()).contains(problem);
            });
  }

  @Test
  void absurdNestingIsRefusedNotAStackOverflow() {
    String deep = "(".repeat(10_000) + "a" + ")".repeat(10_000);
    assertThatThrownBy(() -> QueryParser.parse(deep))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("longer than");
    String nested = "(".repeat(100) + "a" + ")".repeat(100);
    assertThatThrownBy(() -> QueryParser.parse(nested))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("nests deeper");
  }

  @Test
  void printedQueriesParseBackToTheSameTree() {
    Random random = new Random(20261123);
    int checked = 0;
    for (int i = 0; i < 3_000; i++) {
      QueryNode tree = QueryTestUtils.randomTree(random, 4);
      String printed = QueryPrinter.print(tree);
      QueryNode reparsed;
      try {
        reparsed = QueryParser.parse(printed);
      } catch (QuerySyntaxException e) {
        assertThat(e.expected()).as(printed).isEqualTo("a term that posts must contain");
        continue;
      }
      assertThat(QueryPrinter.print(reparsed)).as(printed).isEqualTo(printed);
      assertThat(reparsed).as(printed).isEqualTo(tree);
      checked++;
    }
    assertThat(checked).as("trees that parsed").isGreaterThan(1_500);
  }
}
