package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The standard model scored on the check set: posts written apart from the base set, before any
 * model had seen them, and never trained on. A day-to-day measure of generality beside the held-out
 * set, which only the release evaluation reads.
 */
class CheckSetUnitTest {

  private static final List<DataSet.Row> CHECK = checkSet();

  private static List<DataSet.Row> checkSet() {
    List<DataSet.Row> rows = new ArrayList<>();
    for (String lang : Lexicon.LANGUAGES) {
      rows.addAll(DataSet.resource("check/" + lang + ".jsonl"));
    }
    return rows;
  }

  @Test
  void theCheckSetIsThereInEveryLanguageAndNeverInTheBaseSet() {
    assertThat(CHECK).extracting(DataSet.Row::language).contains("en", "fr", "de", "nl", "es");
    assertThat(CHECK).hasSizeGreaterThanOrEqualTo(300);
    Set<String> base = DataSet.base().stream().map(DataSet.Row::text).collect(Collectors.toSet());
    assertThat(CHECK).extracting(DataSet.Row::text).noneMatch(base::contains);
  }

  /** What the model reaches today: a change that makes it worse fails here. */
  @Test
  void holdsItsMeasuredLevel() {
    Evaluation e = Evaluation.of(Classifier.standard(), CHECK);
    System.out.print(e.report());
    assertThat(e.languageAccuracy()).as("language accuracy").isGreaterThanOrEqualTo(0.99);
    assertThat(e.macroF1()).as("macro-F1").isGreaterThanOrEqualTo(0.86);
    assertThat(e.recall(Intent.COMPLAINT)).as("complaint recall").isGreaterThanOrEqualTo(0.92);
    assertThat(e.precision(Intent.SPAM)).as("spam precision").isGreaterThanOrEqualTo(0.97);
  }
}
