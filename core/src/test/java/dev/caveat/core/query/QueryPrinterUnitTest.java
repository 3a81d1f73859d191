package dev.caveat.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryPrinterUnitTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "refund*|refund*",
        "dell NEAR/5 \"power supply\"|dell NEAR/5 \"power supply\"",
        "(dell OR hp) NEAR/3 psu|(dell OR hp) NEAR/3 psu",
        "a NEAR/2 b c|(a NEAR/2 b) AND c",
        "c -a NEAR/2 b|c AND NOT (a NEAR/2 b)",
        "title:\"dell hell\"|title:\"dell hell\"",
        "title:(refund OR return)|title:(refund OR return)",
        "title:(dell NEAR/2 hell)|title:(dell NEAR/2 hell)",
        "dell -site:dell.com lang:fr|dell AND NOT site:dell.com AND lang:fr"
      })
  void printsWhatItParsedInCanonicalForm(String query, String printed) {
    assertThat(QueryPrinter.print(QueryParser.parse(query))).isEqualTo(printed);
  }
}
