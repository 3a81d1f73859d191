package dev.caveat.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DuplicateDetectorConcurrencyUnitTest {

  private static final int THREADS = 8;
  private static final int CONTENTS = 500;

  @Test
  void concurrentObserversAgreeOnOneClusterPerContent() throws Exception {
    DuplicateDetector detector = new DuplicateDetector(10_000);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<Verdict[]>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  // Every thread reposts every content in the same order, so threads race on
                  // the same content; odd threads repost as retweets.
                  Verdict[] verdicts = new Verdict[CONTENTS];
                  start.await();
                  for (int i = 0; i < CONTENTS; i++) {
                    String text =
                        thread % 2 == 0
                            ? SyntheticPosts.distinct(i)
                            : "RT @t" + thread + ": " + SyntheticPosts.distinct(i);
                    verdicts[i] = detector.observe("t" + thread + "-" + i, text);
                  }
                  return verdicts;
                }));
      }
    }

    int newClusters = 0;
    for (int i = 0; i < CONTENTS; i++) {
      String cluster = results.get(0).get()[i].clusterId();
      for (Future<Verdict[]> result : results) {
        Verdict verdict = result.get()[i];
        assertThat(verdict.clusterId()).as("content %d", i).isEqualTo(cluster);
        newClusters += verdict instanceof Verdict.NewCluster ? 1 : 0;
      }
    }
    assertThat(newClusters).isEqualTo(CONTENTS);
    assertThat(detector.remembered()).isEqualTo(CONTENTS);
  }
}
