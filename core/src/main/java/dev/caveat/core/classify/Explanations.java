package dev.caveat.core.classify;

import java.util.List;

/**
 * The features that pushed a post to its intent and sentiment, strongest first. For the intent a
 * feature's push is its value times its weight for that intent less its mean weight over all
 * intents: what it adds for this answer against the others.
 */
final class Explanations {

  static final int INTENT_REASONS = 5;
  static final int SENTIMENT_REASONS = 3;
  private static final float MIN_PUSH = 0.01f;

  private Explanations() {}

  static void intent(Model m, Features f, Text t, Hits hits, int intent, List<Reason> reasons) {
    float[] push = f.scratch();
    for (int i = 0; i < f.size; i++) {
      int base = f.index[i] * Model.OUTPUTS;
      float mean = 0;
      for (int k = 0; k < Model.INTENTS; k++) {
        mean += m.weights[base + k];
      }
      mean /= Model.INTENTS;
      push[i] = f.value[i] * (m.weights[base + intent] - mean);
    }
    top(push, INTENT_REASONS, "intent", f, t, hits, reasons);
  }

  static void sentiment(
      Model m, Features f, Text t, Hits hits, double sentiment, List<Reason> reasons) {
    float[] push = f.scratch();
    float sign = sentiment >= 0 ? 1f : -1f;
    for (int i = 0; i < f.size; i++) {
      push[i] = sign * f.value[i] * m.weights[f.index[i] * Model.OUTPUTS + Model.SENTIMENT];
    }
    int from = reasons.size();
    top(push, SENTIMENT_REASONS, "sentiment", f, t, hits, reasons);
    for (int r = from; r < reasons.size(); r++) {
      Reason x = reasons.get(r);
      reasons.set(r, new Reason(x.label(), x.evidence(), sign * x.weight()));
    }
  }

  /** Function words, their letter groups and the language prior push too, but explain nothing. */
  private static boolean readable(Features f, int i, Text t) {
    return switch (f.kind[i]) {
      case Features.LANGUAGE -> false;
      case Features.WORD -> !Languages.isFunctionWord(t.tokens[f.a[i]]);
      case Features.CHARS -> (f.b[i] & 0xFF) >= 4 && !Languages.isFunctionWord(t.tokens[f.a[i]]);
      case Features.BIGRAM ->
          !(Languages.isFunctionWord(t.tokens[f.a[i]])
              && Languages.isFunctionWord(t.tokens[f.b[i]]));
      default -> true;
    };
  }

  /** Picks the {@code n} largest pushes above {@link #MIN_PUSH}, without sorting them all. */
  private static void top(
      float[] push, int n, String label, Features f, Text t, Hits hits, List<Reason> reasons) {
    int[] best = new int[n];
    int count = 0;
    for (int i = 0; i < f.size; i++) {
      if (push[i] < MIN_PUSH || !readable(f, i, t)) {
        continue;
      }
      int at;
      if (count < n) {
        at = count++;
      } else if (push[i] > push[best[n - 1]]) {
        at = n - 1;
      } else {
        continue;
      }
      best[at] = i;
      while (at > 0 && push[best[at - 1]] < push[best[at]]) {
        int x = best[at - 1];
        best[at - 1] = best[at];
        best[at] = x;
        at--;
      }
    }
    for (int r = 0; r < count; r++) {
      int i = best[r];
      reasons.add(
          new Reason(label, FeatureNames.name(f, i, t, hits), Math.round(push[i] * 1000) / 1000.0));
    }
  }
}
