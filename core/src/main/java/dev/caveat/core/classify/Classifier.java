package dev.caveat.core.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Tells what a post is: language, intent with its confidence, sentiment, urgency flags and the
 * listed products it names, each with the reasons behind it. Thread-safe; one instance serves a
 * whole application.
 *
 * <p>{@link #standard()} reads the model trained from the shipped base set ({@link StandardModel})
 * while Lingua loads its five language models on another thread. {@link #load} reads a model that
 * {@link Trainer} made from the base set plus reps' corrections.
 */
public final class Classifier {

  private final Model model;
  private final Languages languages;
  private final ThreadLocal<Features> features = ThreadLocal.withInitial(Features::new);

  private Classifier(Model model, Languages languages) {
    this.model = model;
    this.languages = languages;
  }

  /** The classifier with the model trained from the shipped base set. */
  public static Classifier standard() {
    return Standard.INSTANCE;
  }

  /** A classifier using a model file written by {@link ModelFile#write}. */
  public static Classifier load(InputStream modelFile) throws IOException {
    return of(ModelFile.read(modelFile));
  }

  public static Classifier of(Model model) {
    return new Classifier(model, Shared.LANGUAGES);
  }

  public Model model() {
    return model;
  }

  public Classification classify(ClassifyInput in) {
    String raw = in.fullText();
    Text text = TextScanner.scan(raw);
    Languages.Guess language = languages.detect(raw, text, in.language());
    Hits hits = Lexicon.forLanguage(language.code()).match(text, new Hits());
    Features f = features.get();
    FeatureExtractor.extract(text, hits, language.code(), f);
    float[] scores = new float[Model.OUTPUTS];
    model.score(f, scores);
    double sentiment = Math.max(-1, Math.min(1, scores[Model.SENTIMENT]));
    sentiment = Math.round(sentiment * 100) / 100.0;
    Model.softmax(scores);
    int best = Model.decide(scores);
    Intent intent = Intent.ALL[best];

    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason("language", language.code() + " from " + language.how(), 1));
    Explanations.intent(model, f, text, hits, best, reasons);
    Explanations.sentiment(model, f, text, hits, sentiment, reasons);
    Reach reach = Reach.of(in.followers());
    Set<Urgency> urgency = UrgencyRules.flags(hits, intent, reach, reasons);
    List<String> products = ProductMatcher.match(text, in.products(), reasons);
    return new Classification(
        language.code(),
        intent,
        Math.round(scores[best] * 1000) / 1000.0,
        sentiment,
        urgency,
        reach,
        products,
        reasons);
  }

  /** Lingua's models, loaded once per JVM. */
  private static final class Shared {
    static final Languages LANGUAGES = Languages.load();
  }

  private static final class Standard {
    static final Classifier INSTANCE = buildStandard();
  }

  /**
   * Reads (or trains) the base model while Lingua loads on another thread. Lives outside {@link
   * Standard} so the loader's code does not wait for that class's initialisation, which waits for
   * the loader.
   */
  private static Classifier buildStandard() {
    CompletableFuture<Languages> lingua = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("caveat-lingua-load")
        .start(
            () -> {
              try {
                lingua.complete(Shared.LANGUAGES);
              } catch (Throwable e) {
                lingua.completeExceptionally(e);
              }
            });
    Model model = StandardModel.load();
    return new Classifier(model, lingua.join());
  }
}
