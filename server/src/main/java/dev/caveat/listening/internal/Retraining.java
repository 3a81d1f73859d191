package dev.caveat.listening.internal;

import dev.caveat.core.classify.LabelledPost;
import dev.caveat.core.classify.Model;
import dev.caveat.core.classify.ModelFile;
import dev.caveat.core.classify.Trainer;
import dev.caveat.listening.ClassifierTraining;
import dev.caveat.platform.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Retraining from the base set plus reps' corrections, and rolling back to an earlier model. */
@Service
class Retraining implements ClassifierTraining {

  private static final System.Logger log = System.getLogger(Retraining.class.getName());

  private final IntentCorrections corrections;
  private final ClassifierModels models;
  private final Classifications classifications;
  private final Clock clock;

  Retraining(
      IntentCorrections corrections,
      ClassifierModels models,
      Classifications classifications,
      Clock clock) {
    this.corrections = corrections;
    this.models = models;
    this.classifications = classifications;
    this.clock = clock;
  }

  @Override
  public ModelVersion retrain(String by) {
    // The classifier's classes and language models are initialised by their own loader first.
    classifications.current();
    List<LabelledPost> examples = new ArrayList<>(Trainer.baseSet());
    List<LabelledPost> corrected = corrections.all();
    examples.addAll(corrected);
    long started = System.nanoTime();
    Model model = new Trainer(clock).train(examples);
    byte[] file = write(model);
    ModelVersion version =
        models.addActive(
            model.info().version(),
            model.info().baseExamples(),
            model.info().corrections(),
            file,
            by,
            clock.instant());
    classifications.use(Classifications.read(file), version.version());
    log.log(
        System.Logger.Level.INFO,
        "Classifier model version {0} trained on {1} base examples and {2} corrections in {3} ms",
        version.version(),
        version.baseExamples(),
        version.corrections(),
        (System.nanoTime() - started) / 1_000_000);
    return version;
  }

  List<ModelVersion> versions() {
    return models.list();
  }

  /** Puts an earlier (or later) stored model back in use. */
  ModelVersion activate(int version) {
    classifications.current();
    ClassifierModels.Stored stored =
        models
            .find(version)
            .orElseThrow(
                () -> ApiException.notFound("There is no classifier model " + version + "."));
    classifications.use(Classifications.read(stored.model()), version);
    models.activate(version);
    return models.find(version).orElseThrow().version();
  }

  private static byte[] write(Model model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ModelFile.write(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
