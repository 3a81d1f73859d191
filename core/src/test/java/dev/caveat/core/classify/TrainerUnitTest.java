package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerUnitTest {

  private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
  private static final Trainer TRAINER = new Trainer(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void trainingIsDeterministic() {
    List<LabelledPost> base = Trainer.baseSet();
    Model a = TRAINER.train(base);
    Model b = TRAINER.train(base);
    assertThat(a.weights).isEqualTo(b.weights);
    assertThat(a.info()).isEqualTo(b.info());
    assertThat(a.info().trainedAt()).isEqualTo(NOW);
    assertThat(a.weights).isEqualTo(Classifier.standard().model().weights);
  }

  @Test
  void aCorrectionFlipsTheAnswerOnItsPostAfterRetraining() {
    String post =
        "Paid for next day delivery on a washing machine from Currys. It has been sitting in the hall for a week now.";
    Classification before = Classifier.standard().classify(ClassifyInput.of(post));
    Intent wanted = before.intent() == Intent.OTHER ? Intent.COMPLAINT : Intent.OTHER;

    List<LabelledPost> examples = new ArrayList<>(Trainer.baseSet());
    examples.add(LabelledPost.correction(post, "en", wanted));
    Model retrained = TRAINER.train(examples);

    assertThat(Classifier.of(retrained).classify(ClassifyInput.of(post)).intent())
        .isEqualTo(wanted);
    assertThat(retrained.info().corrections()).isEqualTo(1);
    assertThat(retrained.info().version())
        .isNotEqualTo(Classifier.standard().model().info().version());
  }

  @Test
  void aCorrectionReplacesTheBaseExampleWithTheSameText() {
    LabelledPost base = Trainer.baseSet().getFirst();
    List<LabelledPost> examples = new ArrayList<>(Trainer.baseSet());
    examples.add(LabelledPost.correction(base.text().toUpperCase(), base.language(), Intent.SPAM));
    Model m = TRAINER.train(examples);
    assertThat(m.info().baseExamples()).isEqualTo(Trainer.baseSet().size() - 1);
    assertThat(m.info().corrections()).isEqualTo(1);
    assertThat(Classifier.of(m).classify(ClassifyInput.of(base.text())).intent())
        .isEqualTo(Intent.SPAM);
  }

  @Test
  void nothingToTrainOnIsRefused() {
    assertThatThrownBy(() -> TRAINER.train(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
