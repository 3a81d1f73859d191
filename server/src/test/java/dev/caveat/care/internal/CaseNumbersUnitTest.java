package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CaseNumbersUnitTest {

  @Test
  void thePrefixComesFromTheCompanysSlug() {
    assertThat(CaseNumbers.prefix("northwind-broadband")).isEqualTo("NB");
    assertThat(CaseNumbers.prefix("acme")).isEqualTo("AC");
    assertThat(CaseNumbers.prefix("big-blue-box-co")).isEqualTo("BBB");
    assertThat(CaseNumbers.prefix("x")).isEqualTo("X");
  }

  @RepeatedTest(20)
  void numbersAvoidCharactersThatLookAlike() {
    String number = CaseNumbers.next("NW");
    assertThat(number).matches("NW-[2-9A-HJKMNP-Z]{5}").doesNotContainAnyWhitespaces();
    assertThat(number.substring(3)).doesNotContain("0", "O", "1", "I", "L");
  }

  @Test
  void aQuotedNumberIsFoundWhateverItsCaseButNotInsideAWord() {
    assertThat(CaseNumbers.quotedIn("About case nw-7k3q9: still broken (see NW-ABCDE)."))
        .containsExactly("NW-7K3Q9", "NW-ABCDE");
    assertThat(CaseNumbers.quotedIn("part WRONGNW-7K3Q9 and NW-7K3Q9X and NW-7K3Q")).isEmpty();
    assertThat(CaseNumbers.quotedIn(null)).isEmpty();
  }
}
