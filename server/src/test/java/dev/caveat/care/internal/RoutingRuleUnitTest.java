package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.listening.MentionDetails;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingRuleUnitTest {

  @Test
  void aRuleMatchesWhenEveryConditionItGivesHolds() {
    MentionDetails.Details mention =
        new MentionDetails.Details(
            1,
            "forum",
            "1",
            null,
            "@Dana",
            "Dana",
            null,
            "text",
            "complaint",
            Instant.EPOCH,
            "de",
            -0.6,
            List.of("legal"),
            List.of("Fibre Max"),
            "Brand");
    assertThat(
            rule("Brand", "complaint", "de", -0.5, null, "legal", "fibre max", "dana")
                .matches(mention))
        .isTrue();
    assertThat(rule(null, null, null, null, null, "any", null, null).matches(mention)).isTrue();
    assertThat(rule(null, null, null, -0.7, null, null, null, null).matches(mention)).isFalse();
    assertThat(rule(null, null, null, null, -0.5, null, null, null).matches(mention)).isFalse();
    assertThat(rule(null, "question", null, null, null, null, null, null).matches(mention))
        .isFalse();
    assertThat(rule(null, null, null, null, null, "churn", null, null).matches(mention)).isFalse();
    assertThat(rule("Other", null, null, null, null, null, null, null).matches(mention)).isFalse();
    assertThat(rule(null, null, null, null, null, null, null, "ed").matches(mention)).isFalse();
    assertThat(rule(null, "complaint", "de", null, null, null, null, null).describe())
        .isEqualTo("intent complaint, language de");
  }

  private static RoutingRule rule(
      String monitor,
      String intent,
      String language,
      Double below,
      Double above,
      String urgency,
      String product,
      String customer) {
    return new RoutingRule(
        monitor, intent, language, below, above, urgency, product, customer, "T");
  }
}
