package dev.caveat.core.classify;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a classifier on labelled posts: per-intent precision, recall and F1, macro-F1, the
 * confusion matrix, language accuracy, and how the urgency flags and sentiment fare.
 */
final class Evaluation {

  private static final Intent[] I = Intent.ALL;
  private static final Urgency[] FLAGS = {
    Urgency.CHURN, Urgency.LEGAL, Urgency.SAFETY, Urgency.OUTAGE
  };

  static final boolean PRINT_ERRORS = Boolean.getBoolean("caveat.evaluate.errors");

  final int[][] confusion = new int[I.length][I.length];
  final Map<Urgency, int[]> flagCounts = new EnumMap<>(Urgency.class);
  int posts;
  int languageRight;
  double sentimentError;
  int sentimentLabelled;

  static Evaluation of(Classifier classifier, List<DataSet.Row> rows) {
    Evaluation e = new Evaluation();
    for (Urgency u : FLAGS) {
      e.flagCounts.put(u, new int[3]); // true positive, false positive, false negative
    }
    for (DataSet.Row r : rows) {
      Classification c = classifier.classify(ClassifyInput.of(r.text()));
      e.add(r, c);
      if (PRINT_ERRORS && c.intent() != r.intent()) {
        System.out.printf(
            "%s %s -> %s (%.2f) %s%n    %s%n",
            r.id(),
            r.intent().code(),
            c.intent().code(),
            c.intentConfidence(),
            c.reasonsFor("intent").stream().map(Reason::evidence).toList(),
            r.text().replace('\n', ' '));
      }
    }
    return e;
  }

  private void add(DataSet.Row r, Classification c) {
    posts++;
    confusion[r.intent().ordinal()][c.intent().ordinal()]++;
    if (r.language().equals(c.language())) {
      languageRight++;
    }
    if (r.sentiment() != null) {
      sentimentError += Math.abs(r.sentiment() - c.sentiment());
      sentimentLabelled++;
    }
    for (Urgency u : FLAGS) {
      boolean want = r.urgency().contains(u);
      boolean got = c.urgency().contains(u);
      int[] n = flagCounts.get(u);
      n[0] += want && got ? 1 : 0;
      n[1] += !want && got ? 1 : 0;
      n[2] += want && !got ? 1 : 0;
    }
  }

  void merge(Evaluation o) {
    posts += o.posts;
    languageRight += o.languageRight;
    sentimentError += o.sentimentError;
    sentimentLabelled += o.sentimentLabelled;
    for (int a = 0; a < I.length; a++) {
      for (int b = 0; b < I.length; b++) {
        confusion[a][b] += o.confusion[a][b];
      }
    }
    for (Urgency u : FLAGS) {
      int[] mine = flagCounts.get(u);
      int[] theirs = o.flagCounts.get(u);
      for (int k = 0; k < 3; k++) {
        mine[k] += theirs[k];
      }
    }
  }

  double precision(Intent i) {
    int k = i.ordinal();
    int predicted = 0;
    for (int[] row : confusion) {
      predicted += row[k];
    }
    return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
  }

  double recall(Intent i) {
    int k = i.ordinal();
    int actual = 0;
    for (int n : confusion[k]) {
      actual += n;
    }
    return actual == 0 ? 0 : (double) confusion[k][k] / actual;
  }

  double f1(Intent i) {
    double p = precision(i);
    double r = recall(i);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  double macroF1() {
    double sum = 0;
    for (Intent i : I) {
      sum += f1(i);
    }
    return sum / I.length;
  }

  double accuracy() {
    int right = 0;
    for (int k = 0; k < I.length; k++) {
      right += confusion[k][k];
    }
    return (double) right / posts;
  }

  double languageAccuracy() {
    return (double) languageRight / posts;
  }

  String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "posts %d%n%n", posts));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-10s %9s %9s %9s %7s%n",
            "intent",
            "precision",
            "recall",
            "f1",
            "posts"));
    for (Intent i : I) {
      int support = 0;
      for (int n : confusion[i.ordinal()]) {
        support += n;
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%-10s %9.3f %9.3f %9.3f %7d%n",
              i.code(),
              precision(i),
              recall(i),
              f1(i),
              support));
    }
    sb.append(String.format(Locale.ROOT, "%nmacro-F1          %.3f%n", macroF1()));
    sb.append(String.format(Locale.ROOT, "accuracy          %.3f%n", accuracy()));
    sb.append(String.format(Locale.ROOT, "complaint recall  %.3f%n", recall(Intent.COMPLAINT)));
    sb.append(String.format(Locale.ROOT, "spam precision    %.3f%n", precision(Intent.SPAM)));
    sb.append(String.format(Locale.ROOT, "language accuracy %.3f%n", languageAccuracy()));
    sb.append(
        String.format(
            Locale.ROOT,
            "sentiment mean absolute error %.3f%n",
            sentimentLabelled == 0 ? 0 : sentimentError / sentimentLabelled));
    sb.append("\nconfusion (rows: labelled, columns: predicted)\n");
    sb.append(String.format(Locale.ROOT, "%-10s", ""));
    for (Intent i : I) {
      sb.append(String.format(Locale.ROOT, "%10s", i.code()));
    }
    sb.append('\n');
    for (Intent i : I) {
      sb.append(String.format(Locale.ROOT, "%-10s", i.code()));
      for (int n : confusion[i.ordinal()]) {
        sb.append(String.format(Locale.ROOT, "%10d", n));
      }
      sb.append('\n');
    }
    sb.append("\nurgency flags   precision    recall   (labelled)\n");
    for (Urgency u : FLAGS) {
      int[] n = flagCounts.get(u);
      sb.append(
          String.format(
              Locale.ROOT,
              "%-14s %10.3f %9.3f   (%d)%n",
              u.code(),
              n[0] + n[1] == 0 ? 0 : (double) n[0] / (n[0] + n[1]),
              n[0] + n[2] == 0 ? 0 : (double) n[0] / (n[0] + n[2]),
              n[0] + n[2]));
    }
    return sb.toString();
  }
}
