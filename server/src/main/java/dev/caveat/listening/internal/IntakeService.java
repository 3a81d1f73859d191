package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import dev.caveat.core.post.PostNormaliser;
import dev.caveat.listening.IntakeOutcome;
import dev.caveat.listening.MentionFound;
import dev.caveat.listening.PostIntake;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class IntakeService implements PostIntake {

  private final Posts posts;
  private final Mentions mentions;
  private final StandingQueries standing;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  IntakeService(
      Posts posts,
      Mentions mentions,
      StandingQueries standing,
      ApplicationEventPublisher events,
      Clock clock) {
    this.posts = posts;
    this.mentions = mentions;
    this.standing = standing;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional
  public List<IntakeOutcome> take(List<Post> batch) {
    Instant now = clock.instant();
    List<IntakeOutcome> outcomes = new ArrayList<>(batch.size());
    for (Post raw : batch) {
      outcomes.add(takeOne(raw, now));
    }
    return outcomes;
  }

  private IntakeOutcome takeOne(Post raw, Instant now) {
    Post post;
    try {
      post = PostNormaliser.normalise(raw);
    } catch (InvalidPostException e) {
      return new IntakeOutcome.Rejected(e.getMessage());
    }
    OptionalLong postId = posts.insertIfNew(post, now);
    if (postId.isEmpty()) {
      return new IntakeOutcome.Duplicate();
    }
    int found = 0;
    Instant postedAt = postedAt(post, now);
    for (StandingQueries.MonitorRef monitor : firstMonitorPerCompany(post)) {
      OptionalLong mentionId =
          mentions.insertIfNew(
              monitor.company(), postId.getAsLong(), monitor.id(), monitor.name(), postedAt, now);
      if (mentionId.isPresent()) {
        found++;
        events.publishEvent(
            new MentionFound(
                mentionId.getAsLong(), monitor.company(), postId.getAsLong(), monitor.id()));
      }
    }
    return new IntakeOutcome.Accepted(postId.getAsLong(), found);
  }

  /** A date in the future is a clock error or a trick to stay on top of the inbox; it is now. */
  private static Instant postedAt(Post post, Instant now) {
    return post.published() == null || post.published().isAfter(now) ? now : post.published();
  }

  /** A post is one mention per company; it is filed under the company's first monitor by name. */
  private List<StandingQueries.MonitorRef> firstMonitorPerCompany(Post post) {
    Map<CompanyId, StandingQueries.MonitorRef> first = new LinkedHashMap<>();
    for (StandingQueries.MonitorRef ref : standing.match(post)) {
      first.merge(ref.company(), ref, (a, b) -> a.name().compareTo(b.name()) <= 0 ? a : b);
    }
    return List.copyOf(first.values());
  }
}
