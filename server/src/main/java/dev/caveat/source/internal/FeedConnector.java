package dev.caveat.source.internal;

import dev.caveat.core.feed.FeedDocument;
import dev.caveat.core.feed.FeedException;
import dev.caveat.core.feed.FeedParser;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * RSS and Atom feeds, fetched with conditional GET: the ETag and Last-Modified of the last stored
 * read are sent back, and a 304 costs nothing further.
 */
@Component
class FeedConnector implements Connector {

  private final FeedParser parser = new FeedParser();

  @Override
  public String type() {
    return "feed";
  }

  @Override
  public Delivery read(Sources.Source source, GuardedHttpClient http) throws FetchException {
    GuardedHttpClient.Response response =
        ConditionalGet.fetch(
            http,
            source,
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8",
            "feed");
    if (response == null) {
      return Delivery.unchanged(source.cursor());
    }
    FeedDocument feed;
    try {
      feed = parser.parse(response.body(), source.name(), response.uri().toString());
    } catch (FeedException e) {
      throw new FetchException(
          FetchException.Kind.NETWORK, "the feed cannot be read: " + e.getMessage());
    }
    List<Problem> problems =
        feed.quarantined().stream()
            .map(
                q ->
                    Problem.of(
                        q.externalId(),
                        source.name() + "#item" + q.index() + ":" + q.reason(),
                        q.reason()))
            .toList();
    Sources.Cursor next = ConditionalGet.next(source, response);
    Hub hub =
        feed.hubUrl() == null
            ? null
            : new Hub(feed.hubUrl(), feed.selfUrl() != null ? feed.selfUrl() : source.url());
    return new Delivery(feed.posts(), problems, next, false, hub);
  }
}
