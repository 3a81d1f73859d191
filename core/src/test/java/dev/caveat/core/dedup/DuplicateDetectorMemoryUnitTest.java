package dev.caveat.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The detector remembers a bounded number of clusters and forgets the stale ones first. */
class DuplicateDetectorMemoryUnitTest {

  @Test
  void forgetsTheOldestClusterWhenFull() {
    DuplicateDetector detector = new DuplicateDetector(3);
    for (int i = 0; i < 4; i++) {
      detector.observe("p" + i, SyntheticPosts.distinct(i));
    }

    assertThat(detector.remembered()).isEqualTo(3);
    assertThat(detector.observe("again0", SyntheticPosts.distinct(0)))
        .isEqualTo(new Verdict.NewCluster("again0"));
    assertThat(detector.observe("again3", SyntheticPosts.distinct(3)))
        .isEqualTo(new Verdict.ExactCopy("p3"));
  }

  @Test
  void keepsAClusterThatIsStillBeingCopied() {
    DuplicateDetector detector = new DuplicateDetector(4);
    for (int i = 0; i < 4; i++) {
      detector.observe("p" + i, SyntheticPosts.distinct(i));
    }
    detector.observe("retweet", "RT @fan: " + SyntheticPosts.distinct(0));
    detector.observe("p4", SyntheticPosts.distinct(4));
    detector.observe("p5", SyntheticPosts.distinct(5));

    assertThat(detector.observe("late retweet", SyntheticPosts.distinct(0)))
        .isEqualTo(new Verdict.ExactCopy("p0"));
    assertThat(detector.observe("late copy", SyntheticPosts.distinct(1)))
        .isEqualTo(new Verdict.NewCluster("late copy"));
  }

  @Test
  void findsEveryRememberedPostAfterLongEviction() {
    int capacity = 1_000;
    DuplicateDetector detector = new DuplicateDetector(capacity);
    int total = 12_345;
    for (int i = 0; i < total; i++) {
      detector.observe("p" + i, SyntheticPosts.distinct(i));
    }

    assertThat(detector.remembered()).isEqualTo(capacity);
    for (int i = total - capacity; i < total; i++) {
      Verdict edited = detector.observe("copy" + i, SyntheticPosts.distinct(i) + " #again");
      assertThat(edited).isInstanceOf(Verdict.NearCopy.class);
      assertThat(edited.clusterId()).isEqualTo("p" + i);
    }
    for (int i = total - 2 * capacity; i < total - capacity; i++) {
      assertThat(detector.observe("late" + i, SyntheticPosts.distinct(i)))
          .isInstanceOf(Verdict.NewCluster.class);
    }
  }

  @Test
  void rejectsACapacityOutOfRange() {
    assertThatThrownBy(() -> new DuplicateDetector(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be between 1 and 100000000, was 0");
    assertThatThrownBy(() -> new DuplicateDetector(200_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 200000000");
  }
}
