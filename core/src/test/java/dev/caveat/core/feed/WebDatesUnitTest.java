package dev.caveat.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebDatesUnitTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Tue, 05 Mar 2024 09:30:00 GMT        | 2024-03-05T09:30:00Z",
        "Tue, 5 Mar 2024 9:30:00 +0000        | 2024-03-05T09:30:00Z",
        "Mon, 4 Mar 2024 8:05:00 EST          | 2024-03-04T13:05:00Z",
        "Sun, 10 Mar 2024 12:00:00 PDT        | 2024-03-10T19:00:00Z",
        "Tuesday, 05 March 2024 10:00 GMT     | 2024-03-05T10:00:00Z",
        "05 Sept 2024 10:00:00 UT             | 2024-09-05T10:00:00Z",
        "Wed, 06 Mar 24 23:59:59 -0800        | 2024-03-07T07:59:59Z",
        "Wed, 06 Mar 1996 23:59:59 +05:30     | 1996-03-06T18:29:59Z",
        "Thu, 07 Mar 2024 10:00:00            | 2024-03-07T10:00:00Z",
        "Thu, 07 Mar 2024 10:00:00 CET        | 2024-03-07T09:00:00Z",
        "2024-04-01T09:15:30Z                 | 2024-04-01T09:15:30Z",
        "2024-04-01t09:15:30z                 | 2024-04-01T09:15:30Z",
        "2024-04-01T13:45:00.250+02:00        | 2024-04-01T11:45:00.250Z",
        "2024-04-01T13:45-0200                | 2024-04-01T15:45:00Z",
        "2024-04-01 13:45:00+01               | 2024-04-01T12:45:00Z",
        "2024-04-01                           | 2024-04-01T00:00:00Z",
      })
  void readsTheDatesFeedsAndPagesCarry(String text, Instant expected) {
    assertThat(WebDates.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sometime last week",
        "31 Feb 2024 10:00:00 GMT",
        "Tue, 05 Foo 2024 09:30:00 GMT",
        "Tue, 05 Mar 2024 25:30:00 GMT",
        "Tue, 05 Mar 2024 09:30:00 XYZ",
        "2024-13-01T00:00:00Z",
        "2024-04-01T09:15:30+25:00",
        ""
      })
  void refusesWhatIsNotADate(String text) {
    assertThat(WebDates.parse(text)).isEmpty();
  }
}
