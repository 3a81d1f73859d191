package dev.caveat.source.internal;

import dev.caveat.core.mf2.Mf2Exception;
import dev.caveat.core.mf2.Mf2Page;
import dev.caveat.core.mf2.Mf2Parser;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.util.List;
import org.springframework.stereotype.Component;

/** Blog pages marked up with microformats2 (h-feed, h-entry, h-card), with conditional GET. */
@Component
class PageConnector implements Connector {

  private final Mf2Parser parser = new Mf2Parser();

  @Override
  public String type() {
    return "mf2";
  }

  @Override
  public Delivery read(Sources.Source source, GuardedHttpClient http) throws FetchException {
    GuardedHttpClient.Response response =
        ConditionalGet.fetch(http, source, "text/html, application/xhtml+xml;q=0.9", "page");
    if (response == null) {
      return Delivery.unchanged(source.cursor());
    }
    Mf2Page page;
    try {
      page = parser.parse(response.body(), source.name(), response.uri().toString());
    } catch (Mf2Exception e) {
      throw new FetchException(
          FetchException.Kind.NETWORK, "the page cannot be read: " + e.getMessage());
    }
    List<Problem> problems =
        page.quarantined().stream()
            .map(
                q ->
                    Problem.of(
                        q.externalId(),
                        source.name() + "#entry" + q.index() + ":" + q.reason(),
                        q.reason()))
            .toList();
    Sources.Cursor next = ConditionalGet.next(source, response);
    List<String> hubs = page.rel("hub");
    List<String> self = page.rel("self");
    Hub hub =
        hubs.isEmpty()
            ? null
            : new Hub(hubs.getFirst(), self.isEmpty() ? source.url() : self.getFirst());
    return new Delivery(page.posts(), problems, next, false, hub);
  }
}
