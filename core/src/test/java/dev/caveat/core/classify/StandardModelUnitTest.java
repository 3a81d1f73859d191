package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class StandardModelUnitTest {

  private static final String STALE =
      "the shipped standard.model is stale: regenerate it with"
          + " java -cp core/target/classes:<dependencies> dev.caveat.core.classify.StandardModel";

  @Test
  void theShippedModelIsWhatTrainingOnTheBaseSetGivesToday() throws IOException {
    Model shipped;
    try (InputStream in = StandardModel.class.getResourceAsStream(StandardModel.RESOURCE)) {
      assertThat(in).as("standard.model in the jar").isNotNull();
      shipped = ModelFile.read(in);
    } catch (ModelFormatException e) {
      throw new AssertionError(STALE + " (" + e.getMessage() + ")", e);
    }
    Model fresh = StandardModel.train();
    assertThat(shipped.info().version()).as(STALE).isEqualTo(fresh.info().version());
    assertThat(shipped.weights).as(STALE).isEqualTo(fresh.weights);
    assertThat(shipped.bias).as(STALE).isEqualTo(fresh.bias);
  }

  @Test
  void theStandardClassifierUsesTheShippedModel() {
    assertThat(Classifier.standard().model().info().baseExamples()).isEqualTo(6051);
    assertThat(Classifier.standard().model().info().corrections()).isZero();
  }
}
