package dev.caveat.listening;

import java.time.Instant;

/**
 * Rebuilds the intent classifier from the shipped base set plus every correction reps made, and
 * puts the new model to use. Each model is kept as a numbered version, so a worse one can be rolled
 * back.
 */
public interface ClassifierTraining {

  /** A stored model: its number, when and by whom it was made, and what it learnt from. */
  record ModelVersion(
      int version,
      String digest,
      Instant createdAt,
      String createdBy,
      int baseExamples,
      int corrections,
      boolean active) {}

  /**
   * @param by who asked, for the record
   * @return the new model, already in use
   */
  ModelVersion retrain(String by);
}
