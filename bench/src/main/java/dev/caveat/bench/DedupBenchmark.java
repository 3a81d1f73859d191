package dev.caveat.bench;

import dev.caveat.core.dedup.DuplicateDetector;
import dev.caveat.core.dedup.Verdict;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link DuplicateDetector#observe} on a stream of posts of 6 to 35 words with Zipf-distributed
 * vocabulary, mentions, links with tracking parameters, hashtags and emoji, of which about 10% are
 * copies of earlier posts (retweets, other tracking links, an added hashtag or comment, a changed
 * word), into a detector that already remembers {@code remembered} posts. Each iteration starts
 * from the same detector state and reads the same stream, never wrapping around it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DedupBenchmark {

  private static final int STREAM = 3_000_000;

  @Param({"100000"})
  int remembered;

  private String[] prefill;
  private String[] stream;
  private String[] ids;
  private DuplicateDetector detector;
  private int next;

  @Setup(Level.Trial)
  public void generate() {
    PostStream posts = new PostStream(new SplittableRandom(42));
    prefill = new String[remembered];
    for (int i = 0; i < remembered; i++) {
      prefill[i] = posts.next();
    }
    stream = new String[STREAM];
    ids = new String[STREAM];
    for (int i = 0; i < STREAM; i++) {
      stream[i] = posts.next();
      ids[i] = "twitter:" + (1_800_000_000_000_000_000L + i);
    }
  }

  @Setup(Level.Iteration)
  public void fill() {
    detector = new DuplicateDetector();
    for (int i = 0; i < remembered; i++) {
      detector.observe("prefill:" + i, prefill[i]);
    }
    next = 0;
  }

  @Benchmark
  public Verdict observe() {
    int i = next++;
    if (i == STREAM) {
      throw new IllegalStateException("the stream ran out: make STREAM larger");
    }
    return detector.observe(ids[i], stream[i]);
  }

  /** Made-up posts; every tenth or so is a copy of one already produced. */
  static final class PostStream {
    private static final String[] COMMON =
        ("the my is to and a i of it for in this on not with have be at was so no just can"
                + " again your they are been me what why still service customer internet bill"
                + " down app help today now get fix time phone order refund waiting hours week"
                + " days support call back new love thanks great worst never ever working account"
                + " from all up out do does did will would an as if or but when how who")
            .split(" ");
    private static final String[] SYLLABLES =
        "ka to ri mo an el su ve lo ni pa de ro ta mi cu fe go ha ju".split(" ");
    private static final String[] EMOJI = {"😡", "🙄", "❤️", "👍🏽", "😂", "🔥"};
    private static final String[] TAGS = {"#fail", "#outage", "#help", "#ad", "#deal", "#wtf"};

    private final SplittableRandom random;
    private final String[] vocabulary = new String[20_000];
    private final double[] cumulative = new double[vocabulary.length];
    private final String[] produced = new String[1 << 16];
    private long count;

    PostStream(SplittableRandom random) {
      this.random = random;
      double total = 0;
      for (int rank = 0; rank < vocabulary.length; rank++) {
        vocabulary[rank] = rank < COMMON.length ? COMMON[rank] : madeUpWord();
        total += 1.0 / Math.pow(rank + 1, 1.05);
        cumulative[rank] = total;
      }
      for (int rank = 0; rank < cumulative.length; rank++) {
        cumulative[rank] /= total;
      }
    }

    String next() {
      String post =
          count > 1_000 && random.nextInt(10) == 0
              ? copy(produced[random.nextInt((int) Math.min(count, produced.length))])
              : original();
      produced[(int) (count++ % produced.length)] = post;
      return post;
    }

    private String original() {
      StringBuilder post = new StringBuilder(200);
      if (random.nextInt(3) == 0) {
        post.append("@brand").append(random.nextInt(50)).append("help ");
      }
      int words = 6 + random.nextInt(30);
      for (int i = 0; i < words; i++) {
        post.append(word()).append(i % 9 == 8 ? ". " : " ");
      }
      if (random.nextInt(5) == 0) {
        post.append("https://site").append(random.nextInt(500)).append(".example/p/");
        post.append(random.nextInt(100_000)).append("?utm_source=twitter ");
      }
      if (random.nextInt(6) == 0) {
        post.append(EMOJI[random.nextInt(EMOJI.length)]);
      }
      return post.toString().strip();
    }

    private String copy(String of) {
      return switch (random.nextInt(6)) {
        case 0 -> "RT @fan" + random.nextInt(10_000) + ": " + of;
        case 1 -> of.replace("utm_source=twitter", "utm_source=fb&fbclid=x" + random.nextInt());
        case 2 -> of + " " + TAGS[random.nextInt(TAGS.length)];
        case 3 -> "So true " + EMOJI[random.nextInt(EMOJI.length)] + " " + of;
        case 4 -> of.replaceFirst(" [a-z]+ ", " " + word() + " ");
        default -> of;
      };
    }

    private String word() {
      double u = random.nextDouble();
      int low = 0;
      int high = cumulative.length - 1;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (cumulative[mid] < u) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return vocabulary[low];
    }

    private String madeUpWord() {
      StringBuilder word = new StringBuilder();
      for (int i = 1 + random.nextInt(4); i >= 0; i--) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      return word.toString();
    }
  }
}
