package dev.caveat.core.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The model trained from the base set ships in the jar as {@code standard.model}, because training
 * it at first use takes longer (about 1.5 s in a cold JVM) than start-up may. Training is
 * deterministic, so a test checks the shipped file is what training gives today; after changing the
 * base set, the lexicons or the features, write it again:
 *
 * <pre>
 * java -cp core/target/classes:$(deps) dev.caveat.core.classify.StandardModel
 * </pre>
 *
 * A shipped file that no longer fits (its features differ) is not used: the model is trained then.
 */
public final class StandardModel {

  static final String RESOURCE = "standard.model";
  static final Path SOURCE = Path.of("core/src/main/resources/dev/caveat/core/classify", RESOURCE);

  private StandardModel() {}

  static Model load() {
    try (InputStream in = StandardModel.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        return ModelFile.read(in);
      }
    } catch (ModelFormatException e) {
      // stale after a change of features or lexicons: fall through and train
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return train();
  }

  static Model train() {
    return new Trainer(Clock.systemUTC()).train(Trainer.baseSet());
  }

  /** Writes the standard model to the given file, or into core's sources. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : SOURCE;
    Model model = train();
    try (OutputStream out = Files.newOutputStream(target)) {
      ModelFile.write(model, out);
    }
    System.out.printf(
        "wrote %s: model %s, %d bytes%n", target, model.info().version(), Files.size(target));
  }
}
