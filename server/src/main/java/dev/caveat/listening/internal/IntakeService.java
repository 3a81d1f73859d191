package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.Product;
import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import dev.caveat.core.post.PostNormaliser;
import dev.caveat.listening.IntakeOutcome;
import dev.caveat.listening.MentionFound;
import dev.caveat.listening.PostIntake;
import dev.caveat.listening.QuotedReferences;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listening pipeline for a batch of posts: normalise, drop repeats by key, match, find each
 * matched post's cluster of copies, and keep only what matched — a few round trips per batch,
 * whatever its size.
 */
@Service
class IntakeService implements PostIntake {

  private final PostKeys keys;
  private final Posts posts;
  private final Mentions mentions;
  private final StandingQueries standing;
  private final Copies copies;
  private final Classifications classifications;
  private final CompanyProducts products;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<QuotedReferences> references;
  private volatile List<QuotedReferences> quoted;
  private final Clock clock;

  IntakeService(
      PostKeys keys,
      Posts posts,
      Mentions mentions,
      StandingQueries standing,
      Copies copies,
      Classifications classifications,
      CompanyProducts products,
      ApplicationEventPublisher events,
      ObjectProvider<QuotedReferences> references,
      Clock clock) {
    this.references = references;
    this.keys = keys;
    this.posts = posts;
    this.mentions = mentions;
    this.standing = standing;
    this.copies = copies;
    this.classifications = classifications;
    this.products = products;
    this.events = events;
    this.clock = clock;
  }

  /** What a mention found by a quoted reference, not by a monitor, is filed under. */
  static final String QUOTED_REFERENCE = "quoted reference";

  /** A post that passed normalisation, where it stands in the batch, and what it matched. */
  private record Candidate(int index, Post post, PostKeys.Key key) {}

  private record Match(
      Candidate candidate,
      Post post,
      String cluster,
      List<StandingQueries.MonitorRef> monitors,
      Classification classification) {}

  @Override
  @Transactional
  public List<IntakeOutcome> take(List<Post> batch) {
    Instant now = clock.instant();
    IntakeOutcome[] outcomes = new IntakeOutcome[batch.size()];
    List<Candidate> candidates = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      try {
        Post post = PostNormaliser.normalise(batch.get(i));
        candidates.add(new Candidate(i, post, new PostKeys.Key(post.source(), post.externalId())));
      } catch (InvalidPostException e) {
        outcomes[i] = new IntakeOutcome.Rejected(e.getMessage());
      }
    }
    Set<PostKeys.Key> fresh = keys.insertNew(candidates.stream().map(Candidate::key).toList(), now);
    Set<PostKeys.Key> seen = new HashSet<>();
    List<Match> matches = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (!fresh.contains(candidate.key()) || !seen.add(candidate.key())) {
        outcomes[candidate.index()] = new IntakeOutcome.Duplicate();
        continue;
      }
      outcomes[candidate.index()] = new IntakeOutcome.Accepted(0);
      List<StandingQueries.MonitorRef> monitors =
          withQuotingCompanies(candidate.post(), firstMonitorPerCompany(candidate.post()));
      if (!monitors.isEmpty()) {
        // Copies matter only among posts someone listens for, so only those are remembered:
        // the memory then spans days of mentions instead of minutes of firehose.
        String cluster = copies.clusterOf(candidate.key(), candidate.post().text());
        Classification classification = classifications.classify(candidate.post());
        matches.add(
            new Match(
                candidate,
                withLanguage(candidate.post(), classification.language()),
                cluster,
                monitors,
                classification));
      }
    }
    for (Map.Entry<Integer, Integer> counted : record(matches, now).entrySet()) {
      outcomes[counted.getKey()] = new IntakeOutcome.Accepted(counted.getValue());
    }
    return List.of(outcomes);
  }

  /** Stores matched posts and their mentions; new mentions per batch index. */
  private Map<Integer, Integer> record(List<Match> matches, Instant now) {
    if (matches.isEmpty()) {
      return Map.of();
    }
    Map<PostKeys.Key, Long> ids =
        posts.insertAll(
            matches.stream().map(Match::post).toList(),
            matches.stream().map(Match::cluster).toList(),
            now);
    Map<CompanyId, List<Product>> listed =
        products.of(
            matches.stream()
                .flatMap(m -> m.monitors().stream())
                .map(StandingQueries.MonitorRef::company)
                .collect(java.util.stream.Collectors.toSet()));
    Map<String, Mentions.NewMention> byCompanyAndCluster = new LinkedHashMap<>();
    Map<Long, Integer> indexOfPost = new LinkedHashMap<>();
    for (Match match : matches) {
      Long postId = ids.get(match.candidate().key());
      if (postId == null) {
        continue;
      }
      indexOfPost.put(postId, match.candidate().index());
      Instant postedAt = postedAt(match.post(), now);
      Mentions.Labels labels = Mentions.Labels.of(match.classification());
      for (StandingQueries.MonitorRef monitor : match.monitors()) {
        List<Product> companyProducts = listed.get(monitor.company());
        Mentions.Labels companyLabels =
            companyProducts == null
                ? labels
                : Mentions.Labels.of(classifications.classify(match.post(), companyProducts));
        byCompanyAndCluster.merge(
            monitor.company().value() + "/" + match.cluster(),
            new Mentions.NewMention(
                monitor.company(),
                postId,
                monitor.id(),
                monitor.name(),
                postedAt,
                match.cluster(),
                1,
                companyLabels),
            (first, copy) -> first.withCopies(first.copies() + 1));
      }
    }
    Map<Integer, Integer> created = new LinkedHashMap<>();
    for (Mentions.Recorded recorded :
        mentions.upsertAll(List.copyOf(byCompanyAndCluster.values()), now)) {
      if (recorded.created()) {
        created.merge(indexOfPost.get(recorded.postId()), 1, Integer::sum);
        events.publishEvent(
            new MentionFound(
                recorded.id(), recorded.company(), recorded.postId(), recorded.monitorId()));
      }
    }
    return created;
  }

  /** A post that does not say its language gets the one its words are in, when they tell. */
  private static Post withLanguage(Post post, String detected) {
    if (post.language() != null || detected == null || detected.equals("und")) {
      return post;
    }
    return new Post(
        post.source(),
        post.externalId(),
        post.url(),
        post.author(),
        post.title(),
        post.text(),
        post.html(),
        post.published(),
        post.inReplyTo(),
        detected);
  }

  /** A date in the future is a clock error or a trick to stay on top of the inbox; it is now. */
  private static Instant postedAt(Post post, Instant now) {
    return post.published() == null || post.published().isAfter(now) ? now : post.published();
  }

  /**
   * A post that quotes a company's reference, such as a case number, is that company's mention even
   * when none of its monitors match: the customer is writing to it.
   */
  private List<StandingQueries.MonitorRef> withQuotingCompanies(
      Post post, List<StandingQueries.MonitorRef> matched) {
    List<QuotedReferences> sources = quoted;
    if (sources == null) {
      sources = references.orderedStream().toList();
      quoted = sources;
    }
    Set<CompanyId> quoting = new LinkedHashSet<>();
    for (QuotedReferences source : sources) {
      quoting.addAll(source.companiesQuotedIn(post.text()));
    }
    if (quoting.isEmpty()) {
      return matched;
    }
    List<StandingQueries.MonitorRef> all = new ArrayList<>(matched);
    matched.forEach(m -> quoting.remove(m.company()));
    for (CompanyId company : quoting) {
      all.add(new StandingQueries.MonitorRef(null, company, QUOTED_REFERENCE));
    }
    return all;
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
