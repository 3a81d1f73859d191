package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepRequestsUnitTest {

  @Test
  void aCustomerAsksForARepInEitherPhrasing() {
    assertThat(RepRequests.askedFor("Router dead again. Can I ask for Ana please")).contains("Ana");
    assertThat(RepRequests.askedFor("I asked for Ana Lima last time")).contains("Ana Lima");
    assertThat(RepRequests.askedFor("I'd like Ben to help, he knows my setup")).contains("Ben");
    assertThat(RepRequests.askedFor("I would like Ben Ode to help")).contains("Ben Ode");
    assertThat(RepRequests.askedFor("I’d like Zoë to help")).contains("Zoë");
  }

  @Test
  void lowerCaseWordsAreNotNames() {
    assertThat(RepRequests.askedFor("I want to ask for a refund")).isEmpty();
    assertThat(RepRequests.askedFor("I'd like someone to help")).isEmpty();
    assertThat(RepRequests.askedFor("I'd like Ben to call me")).isEmpty();
    assertThat(RepRequests.askedFor(null)).isEmpty();
  }
}
