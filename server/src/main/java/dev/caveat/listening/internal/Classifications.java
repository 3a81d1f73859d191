package dev.caveat.listening.internal;

import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.Classifier;
import dev.caveat.core.classify.ClassifyInput;
import dev.caveat.core.classify.ModelFile;
import dev.caveat.core.classify.Product;
import dev.caveat.core.post.Post;
import dev.caveat.listening.TextClassifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The classifier in use: the active stored model, or the one trained from the shipped base set when
 * none was stored. Swapped whole when a model is retrained or rolled back.
 */
@Component
class Classifications implements TextClassifier {

  private static final System.Logger log = System.getLogger(Classifications.class.getName());

  /** The classifier and the stored version it came from; null for the shipped base set. */
  record InUse(Classifier classifier, Integer version) {}

  private final ClassifierModels models;
  private volatile InUse inUse;
  private CompletableFuture<InUse> loading;

  Classifications(ClassifierModels models) {
    this.models = models;
  }

  /** Loads ahead of the first post, so the first mention after a start is not the slow one. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    startLoading();
  }

  Classification classify(Post post) {
    return classify(post, List.of());
  }

  /** With the company's products, to say which of them the post names. */
  Classification classify(Post post, List<Product> products) {
    String text = post.text() == null ? "" : post.text();
    return current()
        .classifier()
        .classify(new ClassifyInput(text, post.title(), post.language(), null, products));
  }

  @Override
  public Classification classify(String title, String text) {
    return current()
        .classifier()
        .classify(new ClassifyInput(text == null ? "" : text, title, null, null, List.of()));
  }

  InUse current() {
    InUse current = inUse;
    return current != null ? current : startLoading().join();
  }

  /**
   * Loading trains the base model and reads Lingua's models, which initialises classes; it runs on
   * a platform thread, so that request threads, which are virtual, only ever wait on a future and
   * never hold their carrier while a class initialises.
   */
  private synchronized CompletableFuture<InUse> startLoading() {
    if (loading == null) {
      CompletableFuture<InUse> future = new CompletableFuture<>();
      loading = future;
      Thread.ofPlatform()
          .daemon()
          .name("classifier-load")
          .start(
              () -> {
                try {
                  InUse loaded = load();
                  synchronized (this) {
                    if (inUse == null) {
                      inUse = loaded;
                    }
                  }
                  future.complete(inUse);
                } catch (Throwable e) {
                  future.completeExceptionally(e);
                }
              });
    }
    return loading;
  }

  synchronized void use(Classifier classifier, Integer version) {
    inUse = new InUse(classifier, version);
  }

  static Classifier read(byte[] model) {
    try {
      return Classifier.of(ModelFile.read(new ByteArrayInputStream(model)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private InUse load() {
    return models
        .active()
        .map(
            stored -> {
              try {
                return new InUse(read(stored.model()), stored.version().version());
              } catch (RuntimeException unreadable) {
                // A model this build cannot read must not stop listening: fall back and say so.
                log.log(
                    System.Logger.Level.ERROR,
                    "Classifier model version {0} cannot be read ({1}); using the base model",
                    stored.version().version(),
                    unreadable.getMessage());
                return new InUse(Classifier.standard(), null);
              }
            })
        .orElseGet(() -> new InUse(Classifier.standard(), null));
  }
}
