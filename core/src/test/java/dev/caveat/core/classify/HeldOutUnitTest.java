package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model trained on the base set, scored on the held-out set it never saw. */
class HeldOutUnitTest {

  private static final List<DataSet.Row> HELD_OUT = Evaluate.heldOut();

  @Test
  void theHeldOutSetIsThereInEveryLanguage() {
    assertThat(HELD_OUT).extracting(DataSet.Row::language).contains("en", "fr", "de", "nl", "es");
    assertThat(HELD_OUT).hasSizeGreaterThanOrEqualTo(300);
  }

  /** The targets: a change that drops below any of them fails here. */
  @Test
  void meetsTheTargets() {
    Evaluation e = Evaluation.of(Classifier.standard(), HELD_OUT);
    System.out.print(e.report());
    assertThat(e.languageAccuracy()).as("language accuracy").isGreaterThanOrEqualTo(0.97);
    assertThat(e.macroF1()).as("macro-F1").isGreaterThanOrEqualTo(0.85);
    assertThat(e.recall(Intent.COMPLAINT)).as("complaint recall").isGreaterThanOrEqualTo(0.90);
    assertThat(e.precision(Intent.SPAM)).as("spam precision").isGreaterThanOrEqualTo(0.95);
  }
}
