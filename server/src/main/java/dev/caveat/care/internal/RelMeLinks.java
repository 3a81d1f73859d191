package dev.caveat.care.internal;

import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reads the page each customer identity names as its own for {@code rel=me} links, so that a
 * person's blog linking to their Mastodon profile suggests the two accounts are one customer. Each
 * page is read once, through the guarded client that refuses private addresses.
 */
@Service
class RelMeLinks {

  private static final Logger log = LoggerFactory.getLogger(RelMeLinks.class);

  /** Pages read per round; the rest wait for the next one. */
  static final int BATCH = 20;

  /** Links kept per page: a profile page rarely has more than a handful. */
  static final int MAX_LINKS = 50;

  private record Due(long id, UUID company, String url) {}

  private final JdbcClient jdbc;
  private final GuardedHttpClient http;
  private final Clock clock;

  RelMeLinks(JdbcClient jdbc, GuardedHttpClient http, Clock clock) {
    this.jdbc = jdbc;
    this.http = http;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${caveat.care.rel-me.tick:5s}")
  void checkDue() {
    List<Due> due =
        jdbc.sql(
                "select id, company_id, url from customer_identity where url is not null"
                    + " and rel_me_checked_at is null order by id limit ?")
            .param(BATCH)
            .query(
                (rs, row) -> new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3)))
            .list();
    for (Due identity : due) {
      Set<String> links = read(identity);
      for (String link : links) {
        jdbc.sql(
                "insert into customer_identity_rel_me (identity_id, company_id, url)"
                    + " values (?, ?, ?) on conflict do nothing")
            .params(identity.id(), identity.company(), link)
            .update();
      }
      jdbc.sql("update customer_identity set rel_me_checked_at = ? where id = ?")
          .params(Timestamp.from(clock.instant()), identity.id())
          .update();
    }
  }

  private Set<String> read(Due identity) {
    URI page;
    try {
      page = URI.create(identity.url());
    } catch (IllegalArgumentException e) {
      return Set.of();
    }
    if (!"http".equals(page.getScheme()) && !"https".equals(page.getScheme())) {
      return Set.of();
    }
    try {
      GuardedHttpClient.Response response = http.get(page, Map.of("Accept", "text/html"));
      if (response.status() != 200) {
        log.info("rel=me: identity {} page answered HTTP {}", identity.id(), response.status());
        return Set.of();
      }
      Document html =
          Jsoup.parse(
              new String(response.body(), StandardCharsets.UTF_8), response.uri().toString());
      return links(html);
    } catch (FetchException e) {
      log.info("rel=me: identity {} page not read: {}", identity.id(), e.getMessage());
      return Set.of();
    }
  }

  static Set<String> links(Document html) {
    Set<String> links = new LinkedHashSet<>();
    for (Element link : html.select("a[rel], link[rel]")) {
      boolean me = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("me");
      String href = link.absUrl("href");
      if (me && (href.startsWith("https://") || href.startsWith("http://"))) {
        links.add(normalise(href));
        if (links.size() == MAX_LINKS) {
          break;
        }
      }
    }
    return links;
  }

  /** The form identity addresses are compared in: lower case, no fragment, no trailing slash. */
  static String normalise(String url) {
    int fragment = url.indexOf('#');
    String bare = fragment < 0 ? url : url.substring(0, fragment);
    String lower = bare.toLowerCase(Locale.ROOT);
    int end = lower.length();
    while (end > 0 && lower.charAt(end - 1) == '/') {
      end--;
    }
    return lower.substring(0, end);
  }
}
