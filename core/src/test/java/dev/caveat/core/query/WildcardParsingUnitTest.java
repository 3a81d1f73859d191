package dev.caveat.core.query;

import static dev.caveat.core.query.QueryParserUnitTest.assertSyntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Prefix;
import dev.caveat.core.query.QueryNode.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardParsingUnitTest {

  @Test
  void aTrailingStarMakesAPrefix() {
    assertThat(QueryParser.parse("refund*")).isEqualTo(new Prefix("refund"));
    assertThat(QueryParser.parse("dell refund*"))
        .isEqualTo(new And(List.of(new Term("dell"), new Prefix("refund"))));
  }

  @Test
  void twoCharactersBeforeTheStarAreEnough() {
    assertThat(QueryParser.parse("re*")).isEqualTo(new Prefix("re"));
    assertThat(QueryParser.parse("Ça*")).isEqualTo(new Prefix("Ça"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "*|1|at least 2 letters or digits before '*'|at least 2 letters or digits",
        "a*|1|at least 2 letters or digits before '*'|at least 2 letters or digits",
        "dell a*|6|at least 2 letters or digits before '*'|at least 2 letters or digits",
        "power-s*|1|at least 2 letters or digits before '*'|right before the '*'",
        "re*und|3|letters or digits, then '*' at the end of the word|'*' can only end a word",
        "refund**|7|letters or digits, then '*' at the end of the word|'*' can only end a word",
        "\"refund* policy\"|8|words without '*' inside the quotes|does not work inside a"
      })
  void badWildcardsSayWhereAndWhat(String query, int position, String expected, String problem) {
    assertSyntaxError(query, position, expected, problem);
  }
}
