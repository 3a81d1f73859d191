package dev.caveat.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Recall and precision over generated posts that overlap like real complaints do. */
class DuplicateDetectorRecallUnitTest {

  private static final long SEED = 20_261_123L;
  private static final int BASES = 200;

  @Test
  void clustersAtLeast95PercentOfLightlyEditedCopies() {
    Random random = new Random(SEED);
    List<String> bases = SyntheticPosts.bases(random, BASES);
    DuplicateDetector detector = new DuplicateDetector(10_000);
    String[] clusterOf = new String[BASES];
    for (int i = 0; i < BASES; i++) {
      clusterOf[i] = detector.observe("base" + i, bases.get(i)).clusterId();
    }

    Map<String, Integer> missed = new TreeMap<>();
    int copies = 0;
    int clustered = 0;
    for (SyntheticPosts.Mutation mutation : SyntheticPosts.LIGHT_MUTATIONS) {
      for (int i = 0; i < BASES; i++) {
        String copy = mutation.apply().apply(bases.get(i), random);
        Verdict verdict = detector.observe(mutation.name() + i, copy);
        copies++;
        if (!(verdict instanceof Verdict.NewCluster) && verdict.clusterId().equals(clusterOf[i])) {
          clustered++;
        } else {
          missed.merge(mutation.name(), 1, Integer::sum);
        }
      }
    }

    assertThat(copies).isEqualTo(BASES * SyntheticPosts.LIGHT_MUTATIONS.size());
    assertThat((double) clustered / copies)
        .as("missed by edit: %s", missed)
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void clustersFewerThanOnePercentOfUnrelatedPairs() {
    List<String> bases = SyntheticPosts.bases(new Random(SEED), BASES);
    int pairs = 0;
    int clustered = 0;
    for (int i = 0; i < BASES; i++) {
      for (int j = i + 1; j < BASES; j++) {
        DuplicateDetector detector = new DuplicateDetector(2);
        detector.observe("a", bases.get(i));
        pairs++;
        if (!(detector.observe("b", bases.get(j)) instanceof Verdict.NewCluster)) {
          clustered++;
        }
      }
    }

    assertThat(pairs).isEqualTo(BASES * (BASES - 1) / 2);
    assertThat((double) clustered / pairs).isLessThan(0.01);
  }

  @Test
  void keepsUnrelatedPostsInSeparateClustersWhenObservedTogether() {
    List<String> bases = SyntheticPosts.bases(new Random(SEED), BASES);
    DuplicateDetector detector = new DuplicateDetector(10_000);

    int started = 0;
    for (int i = 0; i < BASES; i++) {
      if (detector.observe("base" + i, bases.get(i)) instanceof Verdict.NewCluster) {
        started++;
      }
    }

    assertThat(started).isGreaterThanOrEqualTo(BASES * 97 / 100);
  }
}
