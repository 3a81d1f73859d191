package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.classify.Intent;
import dev.caveat.listening.MentionRelabelled;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A rep's correction of a mention's intent: it shows at once, and teaches the next model. */
@Service
class Relabelling {

  private final Mentions mentions;
  private final IntentCorrections corrections;
  private final MentionIndex index;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Relabelling(
      Mentions mentions,
      IntentCorrections corrections,
      MentionIndex index,
      ApplicationEventPublisher events,
      Clock clock) {
    this.events = events;
    this.mentions = mentions;
    this.corrections = corrections;
    this.index = index;
    this.clock = clock;
  }

  @Transactional
  Mentions.Mention correctIntent(CompanyId company, long id, String intentCode, String by) {
    Intent intent = intent(intentCode);
    Mentions.Mention before =
        mentions
            .correctIntent(company, id, intent.code())
            .orElseThrow(() -> ApiException.notFound("There is no mention " + id + "."));
    String text =
        before.title() == null || before.title().isBlank()
            ? before.text()
            : before.title() + "\n" + before.text();
    corrections.add(
        new IntentCorrections.Correction(
            company, id, text, before.language(), before.intent(), intent, by, clock.instant()));
    index.changed(id);
    events.publishEvent(new MentionRelabelled(id, company, intent.code()));
    return mentions.find(company, id).orElseThrow();
  }

  static Intent intent(String code) {
    if (code != null) {
      for (Intent intent : Intent.values()) {
        if (intent.code().equals(code)) {
          return intent;
        }
      }
    }
    throw ApiException.badRequest(
        "intent must be one of "
            + Arrays.stream(Intent.values()).map(Intent::code).collect(Collectors.joining(", ")));
  }
}
