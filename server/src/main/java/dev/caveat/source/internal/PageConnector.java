package dev.caveat.source.internal;

import dev.caveat.core.mf2.Mf2Exception;
import dev.caveat.core.mf2.Mf2Page;
import dev.caveat.core.mf2.Mf2Parser;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "text/html, application/xhtml+xml;q=0.9");
    if (source.cursor().etag() != null) {
      headers.put("If-None-Match", source.cursor().etag());
    }
    if (source.cursor().lastModified() != null) {
      headers.put("If-Modified-Since", source.cursor().lastModified());
    }
    GuardedHttpClient.Response response = http.get(URI.create(source.url()), headers);
    if (response.status() == 304) {
      return Delivery.unchanged(source.cursor());
    }
    if (response.status() != 200) {
      throw new FetchException(
          FetchException.Kind.NETWORK,
          "the page answered " + response.status() + " instead of 200");
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
    Sources.Cursor next =
        new Sources.Cursor(
            response.header("ETag"), response.header("Last-Modified"), source.cursor().position());
    List<String> hubs = page.rel("hub");
    List<String> self = page.rel("self");
    Hub hub =
        hubs.isEmpty()
            ? null
            : new Hub(hubs.getFirst(), self.isEmpty() ? source.url() : self.getFirst());
    return new Delivery(page.posts(), problems, next, false, hub);
  }
}
