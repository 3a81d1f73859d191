package dev.caveat.listening.internal;

import dev.caveat.account.Actor;
import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.ClassifyInput;
import dev.caveat.core.classify.Product;
import dev.caveat.core.classify.Reason;
import dev.caveat.core.classify.Urgency;
import dev.caveat.listening.ClassifierTraining.ModelVersion;
import dev.caveat.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classification as a service: what a text is, without storing anything; and, for operators, the
 * classifier's model versions, retraining and rollback.
 */
@RestController
class ClassifierController {

  /** Longer texts are cut: the first part says what a post is about. */
  static final int MAX_TEXT = 20_000;

  static final int MAX_PRODUCTS = 500;

  record ProductRequest(String name, List<String> aliases) {}

  record ClassifyRequest(
      String text, String title, String language, Long followers, List<ProductRequest> products) {}

  record ReasonView(String label, String evidence, double weight) {
    static ReasonView of(Reason reason) {
      return new ReasonView(reason.label(), reason.evidence(), reason.weight());
    }
  }

  /** What the chat model said, when the classifier was unsure and one is configured. */
  record SecondOpinionView(String intent, String why, String model) {}

  record ClassifyResponse(
      String language,
      String intent,
      double intentConfidence,
      double sentiment,
      List<String> urgency,
      List<String> products,
      List<ReasonView> reasons,
      Integer model,
      SecondOpinionView secondOpinion) {

    static ClassifyResponse of(
        Classification c, Integer model, Optional<SecondOpinion.Opinion> second) {
      List<ReasonView> reasons = new ArrayList<>();
      second
          .filter(o -> o.intent() != c.intent())
          .ifPresent(
              o -> reasons.add(new ReasonView("second opinion: " + o.intent().code(), o.why(), 0)));
      c.reasons().stream().map(ReasonView::of).forEach(reasons::add);
      return new ClassifyResponse(
          c.language(),
          second.map(o -> o.intent()).orElse(c.intent()).code(),
          c.intentConfidence(),
          c.sentiment(),
          c.urgency().stream().sorted().map(Urgency::code).toList(),
          c.products(),
          reasons,
          model,
          second
              .map(o -> new SecondOpinionView(o.intent().code(), o.why(), o.model()))
              .orElse(null));
    }
  }

  private final Classifications classifications;
  private final Retraining retraining;
  private final SecondOpinion secondOpinion;

  ClassifierController(
      Classifications classifications, Retraining retraining, SecondOpinion secondOpinion) {
    this.secondOpinion = secondOpinion;
    this.classifications = classifications;
    this.retraining = retraining;
  }

  @PostMapping("/api/v1/classify")
  ClassifyResponse classify(Actor actor, @RequestBody ClassifyRequest request) {
    if (request.text() == null || request.text().isBlank()) {
      throw ApiException.badRequest("text is required: the words to classify.");
    }
    if (request.followers() != null && request.followers() < 0) {
      throw ApiException.badRequest("followers cannot be negative.");
    }
    List<ProductRequest> products = request.products() == null ? List.of() : request.products();
    if (products.size() > MAX_PRODUCTS) {
      throw ApiException.badRequest("At most " + MAX_PRODUCTS + " products can be looked for.");
    }
    if (products.stream().anyMatch(p -> p == null || p.name() == null || p.name().isBlank())) {
      throw ApiException.badRequest("Every product needs a name.");
    }
    String text = request.text();
    ClassifyInput input =
        new ClassifyInput(
            text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
            request.title(),
            request.language(),
            request.followers(),
            products.stream().map(p -> new Product(p.name(), p.aliases())).toList());
    Classifications.InUse inUse = classifications.current();
    Classification classified = inUse.classifier().classify(input);
    Optional<SecondOpinion.Opinion> second =
        secondOpinion.wanted(classified.intentConfidence())
            ? secondOpinion.ask(input.title(), input.text())
            : Optional.empty();
    return ClassifyResponse.of(classified, inUse.version(), second);
  }

  @GetMapping("/api/v1/classifier/models")
  List<ModelVersion> models(Actor actor) {
    requireOperator(actor);
    return retraining.versions();
  }

  @PostMapping("/api/v1/classifier/retrain")
  @ResponseStatus(HttpStatus.CREATED)
  ModelVersion retrain(Actor actor) {
    requireOperator(actor);
    return retraining.retrain(actor.name());
  }

  @PostMapping("/api/v1/classifier/models/{version}/activate")
  ModelVersion activate(Actor actor, @PathVariable int version) {
    requireOperator(actor);
    return retraining.activate(version);
  }

  private static void requireOperator(Actor actor) {
    if (!actor.operator()) {
      throw ApiException.forbidden("Only a hub operator retrains or rolls back the classifier.");
    }
  }
}
