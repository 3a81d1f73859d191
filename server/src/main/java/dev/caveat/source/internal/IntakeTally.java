package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.listening.IntakeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What listening made of a delivery, counted for a source's health: posts taken, repeats, the
 * rejected ones to quarantine, and how late the newest taken post arrived.
 */
record IntakeTally(
    int accepted, int duplicates, List<Sources.Quarantined> rejected, Long lagSeconds) {

  static IntakeTally of(List<Post> posts, List<IntakeOutcome> outcomes, Instant at) {
    int accepted = 0;
    int duplicates = 0;
    Long lag = null;
    List<Sources.Quarantined> rejected = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Post post = posts.get(i);
      switch (outcomes.get(i)) {
        case IntakeOutcome.Accepted a -> {
          accepted++;
          if (post.published() != null) {
            long late = Math.max(0, Duration.between(post.published(), at).toSeconds());
            lag = lag == null ? late : Math.max(lag, late);
          }
        }
        case IntakeOutcome.Duplicate d -> duplicates++;
        case IntakeOutcome.Rejected r ->
            rejected.add(
                new Sources.Quarantined(
                    post.externalId(),
                    post.externalId() != null
                        ? post.externalId()
                        : Fingerprints.of(post.toString()),
                    r.reason(),
                    at));
      }
    }
    return new IntakeTally(accepted, duplicates, List.copyOf(rejected), lag);
  }
}
