package dev.caveat.core.query;

import static dev.caveat.core.query.QueryParserUnitTest.assertSyntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Field;
import dev.caveat.core.query.QueryNode.Near;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Prefix;
import dev.caveat.core.query.QueryNode.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearParsingUnitTest {

  private static final String TWO_CLAUSES = "AND, OR or the end of the query";
  private static final String DISTANCE = "a distance from 0 to 50";
  private static final String NEAR_OPERAND =
      "a term, a \"phrase\", a prefix* or a '(' group of them joined by OR";
  private static final String OPERAND = "a term, a \"phrase\" or '('";

  @Test
  void nearJoinsTwoClausesWithADistance() {
    assertThat(QueryParser.parse("dell NEAR/5 \"power supply\""))
        .isEqualTo(new Near(new Term("dell"), new Phrase("power supply"), 5));
    assertThat(QueryParser.parse("dell NEAR/0 hp"))
        .isEqualTo(new Near(new Term("dell"), new Term("hp"), 0));
    assertThat(QueryParser.parse("dell NEAR/50 hp"))
        .isEqualTo(new Near(new Term("dell"), new Term("hp"), 50));
  }

  @Test
  void nearBindsTighterThanAndAndOr() {
    Near near = new Near(new Term("a"), new Term("b"), 2);
    assertThat(QueryParser.parse("a NEAR/2 b c")).isEqualTo(new And(List.of(near, new Term("c"))));
    assertThat(QueryParser.parse("c AND a NEAR/2 b"))
        .isEqualTo(new And(List.of(new Term("c"), near)));
    assertThat(QueryParser.parse("a NEAR/2 b OR c"))
        .isEqualTo(new Or(List.of(near, new Term("c"))));
    assertThat(QueryParser.parse("c NOT a NEAR/2 b"))
        .isEqualTo(new And(List.of(new Term("c"), new Not(near))));
  }

  @Test
  void nearTakesGroupsOfAlternativesAndPrefixes() {
    assertThat(QueryParser.parse("(dell OR hp) NEAR/3 (psu OR \"power supply\" OR charg*)"))
        .isEqualTo(
            new Near(
                new Or(List.of(new Term("dell"), new Term("hp"))),
                new Or(List.of(new Term("psu"), new Phrase("power supply"), new Prefix("charg"))),
                3));
  }

  @Test
  void nearWorksInsideAField() {
    assertThat(QueryParser.parse("title:(dell NEAR/2 hell)"))
        .isEqualTo(new Field(QueryField.TITLE, new Near(new Term("dell"), new Term("hell"), 2)));
  }

  @Test
  void onlyNearInCapitalsWithADistanceIsAnOperator() {
    assertThat(QueryParser.parse("NEARBY store"))
        .isEqualTo(new And(List.of(new Term("NEARBY"), new Term("store"))));
    assertThat(QueryParser.parse("dell near/5 hp"))
        .isEqualTo(new And(List.of(new Term("dell"), new Term("near/5"), new Term("hp"))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "dell NEAR hp|10|'/' and a distance from 0 to 50, as in NEAR/5|NEAR needs the number",
        "dell NEAR|10|'/' and a distance from 0 to 50, as in NEAR/5|NEAR needs the number",
        "dell NEAR/51 hp|11|" + DISTANCE + "|from 0 to 50",
        "dell NEAR/x hp|11|" + DISTANCE + "|from 0 to 50",
        "dell NEAR/-1 hp|11|" + DISTANCE + "|from 0 to 50",
        "dell NEAR/ hp|11|" + DISTANCE + "|from 0 to 50",
        "dell NEAR/5|12|" + OPERAND + "|the query ends where NEAR/5 needs",
        "NEAR/3 dell|1|a term, a \"phrase\", NOT or '('|an operator cannot stand here",
        "a NEAR/2 b NEAR/3 c|12|" + TWO_CLAUSES + "|NEAR joins exactly two clauses",
        "dell NEAR/3 (a AND b)|13|" + NEAR_OPERAND + "|NEAR takes words, phrases",
        "(a b) NEAR/3 dell|1|" + NEAR_OPERAND + "|NEAR takes words, phrases",
        "dell NEAR/3 -hp|13|" + OPERAND + "|NOT cannot follow NEAR/3",
        "dell NEAR/3 NOT hp|13|" + OPERAND + "|NOT cannot follow NEAR/3",
        "title:dell NEAR/3 hell|1|" + NEAR_OPERAND + "|write title:(a NEAR/3 b)",
        "site:(a.com NEAR/2 b.com)|13|OR, ')' or the end of the query|site: has no text"
      })
  void badNearSaysWhereAndWhat(String query, int position, String expected, String problem) {
    assertSyntaxError(query, position, expected, problem);
  }
}
