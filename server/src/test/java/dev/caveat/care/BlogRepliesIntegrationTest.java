package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.form;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.mf2.Mf2Page;
import dev.caveat.core.mf2.Mf2Parser;
import dev.caveat.core.post.Post;
import dev.caveat.support.ApiClient;
import dev.caveat.support.FixtureServer;
import dev.caveat.support.IntegrationTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A rep answers a blog post: the reply is an h-entry on the hub, and a Webmention tells the post's
 * endpoint about it. The fixture blog's endpoint checks, as a real receiver does, that the reply's
 * page links to the post before it takes it.
 */
@Tag("persistence")
class BlogRepliesIntegrationTest extends IntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  private FixtureServer blog;

  /** What the blog's endpoint received, and whether the source it fetched answers the target. */
  record Received(String source, String target, boolean verified, String author, String text) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    blog = new FixtureServer();
    blog.route(
        "/webmention/receive",
        exchange -> {
          Map<String, String> body =
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          Received got = verify(body.get("source"), body.get("target"));
          received.add(got);
          FixtureServer.respond(
              exchange,
              got.verified() ? 202 : 400,
              Map.of("Content-Type", "text/plain", "Location", blog.uri("/status/1").toString()),
              got.verified() ? "" : "the source does not link to the target");
        });
  }

  @AfterEach
  void stop() {
    blog.close();
  }

  @Test
  void aReplyToABlogPostIsAnHEntryOnTheHubAnnouncedByWebmention() throws Exception {
    ApiClient api = api();
    String slug = uniqueSlug("blog");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = "zb" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String linked = blog.uri("/blog/router-trouble").toString();
    String silent = blog.uri("/blog/modem-woes").toString();
    String hostile = blog.uri("/blog/sneaky").toString();

    // The first post names its endpoint in a Link header, relative to itself.
    blog.route(
        "/blog/router-trouble",
        exchange ->
            FixtureServer.respond(
                exchange,
                200,
                Map.of(
                    "Content-Type",
                    "text/html",
                    "Link",
                    "<https://ada.example/>; rel=\"me\", <../webmention/receive>; rel=\"webmention\""),
                "<html><body><p>My router post</p></body></html>"));
    blog.text("/blog/modem-woes", 200, "text/html", "<html><body>No endpoint here</body></html>");
    // The third names an endpoint on a loopback address the hub may not reach.
    blog.text(
        "/blog/sneaky",
        200,
        "text/html",
        "<html><head><link rel=\"webmention\" href=\"http://127.0.0.1:"
            + port
            + "/api/v1/companies\"></head></html>");
    blog.text(
        "/blog/",
        200,
        "text/html",
        "<html><body class=\"h-feed\">"
            + entry(
                linked,
                "Ada",
                "https://ada.example/",
                "My "
                    + brand
                    + " router died again and support hung up on me, this is the third time")
            + entry(
                silent,
                "Bo",
                "https://bo.example/",
                "Worst week ever: the "
                    + brand
                    + " modem keeps dropping every evening and nobody at the call centre cares")
            + entry(
                hostile,
                "Cy",
                "https://cy.example/",
                "Hours on hold with "
                    + brand
                    + " about my crackling phone line, then they hung up. Awful")
            + "</body></html>");
    ApiClient.Response source =
        api.post(
            "/api/v1/sources",
            OPERATOR,
            Map.of(
                "type",
                "mf2",
                "url",
                blog.uri("/blog/").toString(),
                "enabled",
                false,
                "name",
                "blog-" + UUID.randomUUID()));
    assertThat(source.status()).as(source.body()).isEqualTo(201);
    ApiClient.Response polled =
        api.post(
            "/api/v1/sources/" + source.json().get("id").stringValue() + "/poll",
            OPERATOR,
            Map.of());
    assertThat(polled.status()).as(polled.body()).isEqualTo(200);
    awaitFiled(api, jdbc, slug);
    String c = "/api/v1/companies/" + slug + "/cases";

    String number = caseOf(api, rep, c, linked);
    ApiClient.Response reply =
        api.post(
            c + "/" + number + "/replies",
            rep,
            Map.of("text", "Ada, a technician will call you today.", "visibility", "public"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().get("status").stringValue()).isEqualTo("sent");
    String page = reply.json().get("url").stringValue();
    assertThat(page)
        .isEqualTo(
            "http://localhost:"
                + port
                + "/cases/"
                + slug
                + "/"
                + number
                + "/replies/"
                + reply.json().get("id").longValue());

    // The blog heard of the reply from its page, and found its post answered there.
    assertThat(received).hasSize(1);
    Received got = received.getFirst();
    assertThat(got.source()).isEqualTo(page);
    assertThat(got.target()).isEqualTo(linked);
    assertThat(got.verified()).isTrue();
    assertThat(got.author()).isEqualTo(reply.json().get("author").stringValue());
    assertThat(got.text())
        .contains("Ada, a technician will call you today.")
        .contains("Case " + number);
    assertThat(fetch(page).body()).contains("a verified representative of").contains(number);
    JsonNode whole = api.get(c + "/" + number, rep).json();
    assertThat(whole.get("status").stringValue()).isEqualTo("waiting");

    // No endpoint: the reply fails, saying why, and its page is not shown.
    String quiet = caseOf(api, rep, c, silent);
    ApiClient.Response unheard =
        api.post(c + "/" + quiet + "/replies", rep, Map.of("text", "Bo, we are looking at it."));
    assertThat(unheard.status()).isEqualTo(409);
    assertThat(unheard.json().get("detail").stringValue())
        .contains(silent)
        .contains("names no Webmention endpoint")
        .contains("kept on the case as failed");
    JsonNode failed = api.get(c + "/" + quiet, rep).json().get("replies").get(0);
    assertThat(failed.get("status").stringValue()).isEqualTo("failed");
    assertThat(
            fetch("/cases/" + slug + "/" + quiet + "/replies/" + failed.get("id").longValue())
                .statusCode())
        .isEqualTo(404);

    // An endpoint on a private address is refused by the guard, never contacted.
    String sneaky = caseOf(api, rep, c, hostile);
    ApiClient.Response refused =
        api.post(c + "/" + sneaky + "/replies", rep, Map.of("text", "Cy, sorry about the wait."));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").stringValue()).contains("may not be reached");
    assertThat(received).hasSize(1);
  }

  /** Fetches the source as a Webmention receiver does, and reads its h-entry. */
  private Received verify(String source, String target) {
    try {
      HttpResponse<byte[]> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(source)).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      Mf2Page parsed = new Mf2Parser().parse(page.body(), "hub", source);
      Post entry = parsed.posts().getFirst();
      return new Received(
          source,
          target,
          page.statusCode() == 200 && target.equals(entry.inReplyTo()),
          entry.author() == null ? null : entry.author().name(),
          entry.text());
    } catch (Exception e) {
      return new Received(source, target, false, null, String.valueOf(e));
    }
  }

  private static String entry(String url, String name, String site, String text) {
    return "<article class=\"h-entry\"><a class=\"u-url\" href=\""
        + url
        + "\">permalink</a><span class=\"p-author h-card\"><a class=\"u-url p-name\" href=\""
        + site
        + "\">"
        + name
        + "</a></span><p class=\"e-content\">"
        + text
        + "</p></article>";
  }

  private static String caseOf(ApiClient api, String rep, String c, String postUrl) {
    return api.get(c, rep)
        .json()
        .get("items")
        .valueStream()
        .map(k -> k.get("number").stringValue())
        .filter(
            number ->
                api.get(c + "/" + number, rep)
                    .json()
                    .get("mentions")
                    .get(0)
                    .get("url")
                    .stringValue()
                    .equals(postUrl))
        .findFirst()
        .orElseThrow();
  }

  private HttpResponse<String> fetch(String pathOrUrl) throws Exception {
    URI uri =
        pathOrUrl.startsWith("http")
            ? URI.create(pathOrUrl)
            : URI.create("http://localhost:" + port + pathOrUrl);
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
