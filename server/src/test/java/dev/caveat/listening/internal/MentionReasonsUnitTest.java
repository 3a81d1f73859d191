package dev.caveat.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mention's reasons read back as PostgreSQL gives jsonb: keys in its order, with spaces. */
class MentionReasonsUnitTest {

  @Test
  void readsEachReasonWhateverTheKeyOrder() {
    String stored =
        "[{\"label\": \"intent\", \"weight\": 0.14, \"evidence\": \"word \\\"refund\\\"\"},"
            + " {\"label\": \"language\", \"weight\": 1.0, \"evidence\": \"de from its words\","
            + " \"extra\": {\"ignored\": [1, 2]}},"
            + " {\"evidence\": \"cue: shortened link \\u2192 bit.ly\", \"label\": \"spam\","
            + " \"weight\": -2.5E-3}]";

    assertThat(Mentions.reasons(stored))
        .containsExactly(
            new Mentions.Why("intent", "word \"refund\"", 0.14),
            new Mentions.Why("language", "de from its words", 1.0),
            new Mentions.Why("spam", "cue: shortened link → bit.ly", -0.0025));
  }

  @Test
  void noReasonsAreAnEmptyList() {
    assertThat(Mentions.reasons(null)).isEmpty();
    assertThat(Mentions.reasons("[]")).isEmpty();
  }
}
