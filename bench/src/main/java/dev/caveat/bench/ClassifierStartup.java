package dev.caveat.bench;

import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.Classifier;
import dev.caveat.core.classify.ClassifyInput;
import java.lang.management.ManagementFactory;

/**
 * Time from nothing to the first classification, in this fresh JVM: from the JVM's start (as the
 * runtime reports it) and from the first line of main, through training the standard model from the
 * base set and loading Lingua, to the first answer. Run it a few times, each in a new JVM:
 *
 * <pre>
 * for i in 1 2 3 4 5; do java -cp bench/target/benchmarks.jar dev.caveat.bench.ClassifierStartup; done
 * </pre>
 */
public final class ClassifierStartup {

  private ClassifierStartup() {}

  public static void main(String[] args) {
    long mainStart = System.nanoTime();
    Classification c =
        Classifier.standard()
            .classify(
                ClassifyInput.of("My internet has been down for three days and nobody answers."));
    long done = System.nanoTime();
    long sinceJvmStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf(
        "first classification (%s, %s): %d ms after main started, %d ms after the JVM started%n",
        c.language(), c.intent().code(), (done - mainStart) / 1_000_000, sinceJvmStart);
  }
}
