package dev.caveat.listening.internal;

import dev.caveat.listening.MentionFound;
import dev.caveat.listening.MentionRelabelled;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Asks the chat model about every new mention the classifier was unsure of, after intake so that
 * intake never waits on it. When the model reads the post differently its reading stands, marked as
 * a second opinion, and care hears of it as of a rep's correction; a rep's own correction is never
 * overruled.
 */
@Service
class MentionSecondOpinions {

  private final SecondOpinion secondOpinion;
  private final Mentions mentions;
  private final MentionIndex index;
  private final ApplicationEventPublisher events;

  MentionSecondOpinions(
      SecondOpinion secondOpinion,
      Mentions mentions,
      MentionIndex index,
      ApplicationEventPublisher events) {
    this.secondOpinion = secondOpinion;
    this.mentions = mentions;
    this.index = index;
    this.events = events;
  }

  @ApplicationModuleListener
  void on(MentionFound found) {
    if (!secondOpinion.enabled()) {
      return;
    }
    Optional<Mentions.Mention> mention = mentions.find(found.company(), found.mentionId());
    if (mention.isEmpty()
        || mention.get().intentCorrected()
        || mention.get().intentConfidence() == null
        || !secondOpinion.wanted(mention.get().intentConfidence())) {
      return;
    }
    Mentions.Mention m = mention.get();
    secondOpinion
        .ask(m.title(), m.text())
        .filter(opinion -> !opinion.intent().code().equals(m.intent()))
        .filter(
            opinion ->
                mentions.takeSecondOpinion(
                    found.company(),
                    m.id(),
                    opinion.intent().code(),
                    "second opinion (" + opinion.model() + "): " + opinion.intent().code(),
                    opinion.why()))
        .ifPresent(
            opinion -> {
              index.changed(m.id());
              events.publishEvent(
                  new MentionRelabelled(m.id(), found.company(), opinion.intent().code()));
            });
  }
}
