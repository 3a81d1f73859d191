package dev.caveat.core.classify;

import java.time.Instant;
import java.util.Map;

/**
 * What a model file says about itself, readable without using the model.
 *
 * @param formatVersion the file layout's version ({@link ModelFile#FORMAT_VERSION} when written)
 * @param version a digest of the training set and the features: equal versions, equal models
 * @param trainedAt when it was trained, from the trainer's clock
 * @param baseExamples base-set examples it was trained on (after corrections replaced some)
 * @param corrections reps' corrections it was trained on
 * @param perLanguage examples per language code
 * @param perIntent examples per intent code
 */
public record ModelInfo(
    int formatVersion,
    String version,
    Instant trainedAt,
    int baseExamples,
    int corrections,
    Map<String, Integer> perLanguage,
    Map<String, Integer> perIntent) {

  public ModelInfo {
    perLanguage = Map.copyOf(perLanguage);
    perIntent = Map.copyOf(perIntent);
  }
}
