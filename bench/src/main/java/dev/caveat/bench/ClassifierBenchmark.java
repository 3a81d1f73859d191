package dev.caveat.bench;

import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.Classifier;
import dev.caveat.core.classify.ClassifyInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Classifier#classify} on one thread over the held-out posts of all five languages in turn
 * (tweets to long forum posts), no language declared, so every post goes through language
 * detection, features, the model, the rules and the reasons. The score is posts per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClassifierBenchmark {

  private Classifier classifier;
  private ClassifyInput[] posts;
  private int next;

  @Setup
  public void load() throws IOException {
    classifier = Classifier.standard();
    List<ClassifyInput> all = new ArrayList<>();
    for (String lang : List.of("en", "fr", "de", "nl", "es")) {
      for (String text : HeldOut.texts(lang)) {
        all.add(ClassifyInput.of(text));
      }
    }
    // Interleave languages so branch predictors and caches see a realistic mix.
    java.util.Collections.shuffle(all, new java.util.Random(7));
    posts = all.toArray(ClassifyInput[]::new);
  }

  @Benchmark
  public Classification classify() {
    ClassifyInput in = posts[next];
    next = next + 1 == posts.length ? 0 : next + 1;
    return classifier.classify(in);
  }

  /** The held-out texts, copied into the benchmark jar from core's test resources. */
  static final class HeldOut {
    private HeldOut() {}

    static List<String> texts(String lang) throws IOException {
      String path = "/dev/caveat/core/classify/heldout/" + lang + ".jsonl";
      List<String> texts = new ArrayList<>();
      try (InputStream in = HeldOut.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IOException("missing " + path + " in the benchmark jar");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) {
            texts.add(text(line));
          }
        }
      }
      return texts;
    }

    /** The "text" field of one JSONL line; enough JSON for these files. */
    private static String text(String line) {
      int at = line.indexOf("\"text\":\"") + 8;
      StringBuilder sb = new StringBuilder();
      for (int i = at; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          char e = line.charAt(++i);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'u' -> {
              sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
              i += 4;
            }
            default -> sb.append(e);
          }
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
  }
}
