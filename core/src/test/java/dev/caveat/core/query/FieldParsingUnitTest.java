package dev.caveat.core.query;

import static dev.caveat.core.query.QueryParserUnitTest.assertSyntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Field;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Prefix;
import dev.caveat.core.query.QueryNode.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldParsingUnitTest {

  private static final String OPERAND = "a term, a \"phrase\" or '('";
  private static final String FIELDS = "one of the fields author:, site:, lang:, title:";
  private static final String LANGUAGE = "a two-letter language code such as fr";
  private static final String HOST = "a host name such as example.com";

  @Test
  void aFieldAppliesToTheWordOrPhraseAfterIt() {
    assertThat(QueryParser.parse("author:bryce"))
        .isEqualTo(new Field(QueryField.AUTHOR, new Term("bryce")));
    assertThat(QueryParser.parse("site:forum.example"))
        .isEqualTo(new Field(QueryField.SITE, new Term("forum.example")));
    assertThat(QueryParser.parse("lang:fr")).isEqualTo(new Field(QueryField.LANG, new Term("fr")));
    assertThat(QueryParser.parse("title:\"dell hell\""))
        .isEqualTo(new Field(QueryField.TITLE, new Phrase("dell hell")));
    assertThat(QueryParser.parse("title:refund* dell"))
        .isEqualTo(
            new And(List.of(new Field(QueryField.TITLE, new Prefix("refund")), new Term("dell"))));
  }

  @Test
  void aFieldAppliesToAWholeGroup() {
    assertThat(QueryParser.parse("title:(refund OR return) dell"))
        .isEqualTo(
            new And(
                List.of(
                    new Field(
                        QueryField.TITLE, new Or(List.of(new Term("refund"), new Term("return")))),
                    new Term("dell"))));
  }

  @Test
  void aFieldCanBeExcluded() {
    assertThat(QueryParser.parse("dell -site:dell.com"))
        .isEqualTo(
            new And(
                List.of(
                    new Term("dell"), new Not(new Field(QueryField.SITE, new Term("dell.com"))))));
  }

  @Test
  void colonsInsideOtherWordsAreOrdinaryCharacters() {
    assertThat(QueryParser.parse("12:30")).isEqualTo(new Term("12:30"));
    assertThat(QueryParser.parse("http://x.example/a")).isEqualTo(new Term("http://x.example/a"));
    assertThat(QueryParser.parse("Title:dell")).isEqualTo(new Term("Title:dell"));
    assertThat(QueryParser.parse("site:https://forum.example.com/x"))
        .isEqualTo(new Field(QueryField.SITE, new Term("https://forum.example.com/x")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "colour:red|1|" + FIELDS + "|there is no field 'colour:'",
        "dell colour:red|6|" + FIELDS + "|the fields are author:, site:, lang:, title:",
        "title: dell|7|" + OPERAND + "|title: must be followed at once",
        "title:|7|" + OPERAND + "|title: must be followed at once",
        "title:(author:bryce)|8|" + OPERAND + "|a field cannot stand inside title:",
        "title:-dell|7|" + OPERAND + "|NOT cannot follow title:",
        "lang:french|6|" + LANGUAGE + "|not 'french'",
        "lang:(fr OR german)|13|" + LANGUAGE + "|not 'german'",
        "lang:\"fr\"|6|" + LANGUAGE + "|lang: takes one value without quotes",
        "site:\"example.com\"|6|" + HOST + "|site: takes one value without quotes",
        "site:exam*|6|" + HOST + "|'*' does not work there",
        "title:(NOT dell)|1|a term that posts must contain|only says what posts must not contain"
      })
  void badFieldsSayWhereAndWhat(String query, int position, String expected, String problem) {
    assertSyntaxError(query, position, expected, problem);
  }
}
