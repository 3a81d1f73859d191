package dev.caveat.core.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains on the base set and prints how the model does on the held-out set.
 *
 * <pre>
 * Evaluate                       base set and held-out set from the class path
 * Evaluate DIR                   held-out set from DIR/&lt;lang&gt;.jsonl
 * Evaluate --cv 5                5-fold cross-validation on the base set alone (for tuning)
 * </pre>
 */
public final class Evaluate {

  private Evaluate() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals("--cv")) {
      crossValidate(Integer.parseInt(args[1]));
      return;
    }
    List<DataSet.Row> heldOut = args.length > 0 ? fromDirectory(Path.of(args[0])) : heldOut();
    if (heldOut.isEmpty()) {
      System.err.println("no held-out posts found (give a directory of <lang>.jsonl files)");
      System.exit(2);
    }
    long start = System.nanoTime();
    Model model = new Trainer(Clock.systemUTC()).train(Trainer.baseSet());
    long trained = System.nanoTime();
    ModelInfo info = model.info();
    System.out.printf(
        "model %s: %d base examples, %d corrections, trained in %d ms%n",
        info.version(), info.baseExamples(), info.corrections(), (trained - start) / 1_000_000);
    System.out.println("held-out set: " + heldOut.size() + " posts\n");
    Evaluation e = Evaluation.of(Classifier.of(model), heldOut);
    System.out.print(e.report());
  }

  /** The held-out set as a resource, where the core test class path has it. */
  static List<DataSet.Row> heldOut() {
    List<DataSet.Row> rows = new ArrayList<>();
    for (String lang : Lexicon.LANGUAGES) {
      rows.addAll(DataSet.resource("heldout/" + lang + ".jsonl"));
    }
    return rows;
  }

  private static List<DataSet.Row> fromDirectory(Path dir) throws IOException {
    List<DataSet.Row> rows = new ArrayList<>();
    for (String lang : Lexicon.LANGUAGES) {
      Path p = dir.resolve(lang + ".jsonl");
      if (Files.exists(p)) {
        try (InputStream in = Files.newInputStream(p)) {
          rows.addAll(DataSet.read(in, p.toString()));
        }
      }
    }
    return rows;
  }

  private static void crossValidate(int folds) {
    List<DataSet.Row> base = DataSet.base();
    Evaluation total = new Evaluation();
    for (Urgency u : new Urgency[] {Urgency.CHURN, Urgency.LEGAL, Urgency.SAFETY, Urgency.OUTAGE}) {
      total.flagCounts.put(u, new int[3]);
    }
    for (int fold = 0; fold < folds; fold++) {
      List<LabelledPost> train = new ArrayList<>();
      List<DataSet.Row> test = new ArrayList<>();
      for (int i = 0; i < base.size(); i++) {
        if (i % folds == fold) {
          test.add(base.get(i));
        } else {
          train.add(base.get(i).labelled());
        }
      }
      Model m = new Trainer(Clock.systemUTC()).train(train);
      Evaluation e = Evaluation.of(Classifier.of(m), test);
      total.merge(e);
    }
    System.out.println(folds + "-fold cross-validation on the base set\n");
    System.out.print(total.report());
  }
}
