package dev.caveat.core.classify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Trains a {@link Model}: multinomial logistic regression for the intent and least squares for the
 * sentiment, sharing one set of hashed features, by averaged stochastic gradient descent with a
 * fixed seed, so equal examples give equal models.
 *
 * <p>A rep's correction replaces any base example with the same folded text and weighs {@link
 * #CORRECTION_WEIGHT} times more. If after training a correction is still not answered as the rep
 * said, its weight doubles and training runs again, up to {@link #CORRECTION_ROUNDS} times: a
 * correction reliably flips the answer on its post.
 */
public final class Trainer {

  static final float CORRECTION_WEIGHT = 5f;
  static final int CORRECTION_ROUNDS = 4;
  private static final long SEED = 20_240_611L;
  private static final int EPOCHS = 30;
  private static final float LEARNING_RATE = 0.6f;
  // Any of these models fits the base set perfectly; a stronger decay makes it lean on words seen
  // in many posts rather than on rare ones, and 1e-3 did best in cross-validation (1e-4 to 4e-3).
  private static final float DECAY = 1e-3f;

  private final Clock clock;

  public Trainer(Clock clock) {
    this.clock = clock;
  }

  /** The base set that ships with Caveat: what retraining starts from. */
  public static List<LabelledPost> baseSet() {
    return DataSet.base().stream().map(DataSet.Row::labelled).toList();
  }

  public Model train(List<LabelledPost> posts) {
    List<LabelledPost> examples = deduplicate(posts);
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("nothing to train on");
    }
    Encoded[] data = new Encoded[examples.size()];
    Features f = new Features();
    for (int i = 0; i < data.length; i++) {
      data[i] = encode(examples.get(i), f);
    }
    float[] weights = new float[Features.SIZE * Model.OUTPUTS];
    float[] bias = new float[Model.OUTPUTS];
    for (int round = 0; ; round++) {
      sgd(data, weights, bias);
      boolean boosted = false;
      for (Encoded e : data) {
        if (e.correction && predict(e, weights, bias) != e.intent) {
          e.weight *= 2;
          boosted = true;
        }
      }
      if (!boosted || round == CORRECTION_ROUNDS) {
        break;
      }
    }
    return new Model(info(examples), weights, bias);
  }

  private static final class Encoded {
    final int[] index;
    final float[] value;
    final int intent;
    final float sentiment;
    final boolean correction;
    float weight;

    Encoded(Features f, LabelledPost p) {
      index = Arrays.copyOf(f.index, f.size);
      value = Arrays.copyOf(f.value, f.size);
      intent = p.intent().ordinal();
      sentiment = p.sentiment() == null ? Float.NaN : p.sentiment().floatValue();
      correction = p.correction();
      weight = correction ? CORRECTION_WEIGHT : 1f;
    }
  }

  private static Encoded encode(LabelledPost p, Features f) {
    Text t = TextScanner.scan(p.text());
    String lang = Languages.supported(p.language());
    lang = lang == null ? Languages.UNDETERMINED : lang;
    Hits hits = Lexicon.forLanguage(lang).match(t, new Hits());
    FeatureExtractor.extract(t, hits, lang, f);
    return new Encoded(f, p);
  }

  /** Averaged SGD from zero weights; {@code weights} and {@code bias} receive the averages. */
  private static void sgd(Encoded[] data, float[] weights, float[] bias) {
    Arrays.fill(weights, 0f);
    Arrays.fill(bias, 0f);
    float[] w = new float[weights.length];
    float[] b = new float[bias.length];
    // Averaging by the usual trick: the average is w - u / steps.
    float[] u = new float[weights.length];
    float[] ub = new float[bias.length];
    float[] out = new float[Model.OUTPUTS];
    float[] grad = new float[Model.OUTPUTS];
    int[] order = new int[data.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(SEED);
    long step = 1;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      shuffle(order, random);
      float rate = LEARNING_RATE / (1f + epoch * 0.2f);
      for (int o : order) {
        Encoded e = data[o];
        scores(e, w, b, out);
        Model.softmax(out);
        for (int k = 0; k < Model.INTENTS; k++) {
          grad[k] = (out[k] - (k == e.intent ? 1f : 0f)) * e.weight;
        }
        float s = Math.max(-1.5f, Math.min(1.5f, out[Model.SENTIMENT]));
        grad[Model.SENTIMENT] =
            Float.isNaN(e.sentiment) ? 0f : (s - e.sentiment) * Math.min(e.weight, 1f);
        for (int k = 0; k < Model.OUTPUTS; k++) {
          float d = -rate * grad[k];
          b[k] += d;
          ub[k] += step * d;
        }
        for (int j = 0; j < e.index.length; j++) {
          int base = e.index[j] * Model.OUTPUTS;
          float x = e.value[j];
          for (int k = 0; k < Model.OUTPUTS; k++) {
            float d = -rate * (grad[k] * x + DECAY * w[base + k]);
            w[base + k] += d;
            u[base + k] += step * d;
          }
        }
        step++;
      }
    }
    for (int i = 0; i < w.length; i++) {
      weights[i] = w[i] - u[i] / step;
    }
    for (int k = 0; k < b.length; k++) {
      bias[k] = b[k] - ub[k] / step;
    }
  }

  private static void scores(Encoded e, float[] w, float[] b, float[] out) {
    System.arraycopy(b, 0, out, 0, Model.OUTPUTS);
    for (int j = 0; j < e.index.length; j++) {
      int base = e.index[j] * Model.OUTPUTS;
      float x = e.value[j];
      for (int k = 0; k < Model.OUTPUTS; k++) {
        out[k] += w[base + k] * x;
      }
    }
  }

  private static int predict(Encoded e, float[] w, float[] b) {
    float[] out = new float[Model.OUTPUTS];
    scores(e, w, b, out);
    return Model.softmax(out);
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Corrections replace base examples with the same folded text; a later correction wins. */
  private static List<LabelledPost> deduplicate(List<LabelledPost> posts) {
    Map<String, LabelledPost> byText = new LinkedHashMap<>();
    for (LabelledPost p : posts) {
      String key = Fold.text(p.text()).strip();
      LabelledPost old = byText.get(key);
      if (old == null || p.correction() || !old.correction()) {
        byText.remove(key);
        byText.put(key, p);
      }
    }
    return new ArrayList<>(byText.values());
  }

  private ModelInfo info(List<LabelledPost> examples) {
    Map<String, Integer> perLanguage = new TreeMap<>();
    Map<String, Integer> perIntent = new HashMap<>();
    int corrections = 0;
    CRC32 crc = new CRC32();
    crc.update(
        java.nio.ByteBuffer.allocate(12)
            .putInt(FeatureExtractor.SCHEMA)
            .putLong(Lexicon.fingerprint())
            .array());
    for (LabelledPost p : examples) {
      String lang = p.language() == null ? Languages.UNDETERMINED : p.language();
      perLanguage.merge(lang, 1, Integer::sum);
      perIntent.merge(p.intent().code(), 1, Integer::sum);
      corrections += p.correction() ? 1 : 0;
      crc.update(
          (p.text()
                  + '\u0000'
                  + lang
                  + '\u0000'
                  + p.intent()
                  + '\u0000'
                  + p.sentiment()
                  + '\u0000'
                  + p.correction())
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String version = String.format("%08x", crc.getValue());
    return new ModelInfo(
        ModelFile.FORMAT_VERSION,
        version,
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        examples.size() - corrections,
        corrections,
        perLanguage,
        perIntent);
  }
}
