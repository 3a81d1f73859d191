package dev.caveat.platform.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.support.FixtureServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP against a fixture server that poses as a public host. */
class GuardedHttpClientIntegrationTest {

  private FixtureServer server;
  private GuardedHttpClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FixtureServer();
    AddressGuard guard = new AddressGuard(false, Set.of(InetAddress.getByName("127.0.0.2")));
    client =
        new GuardedHttpClient(
            guard,
            new GuardedHttpClient.Limits(
                Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 3, "test"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void fetchesAndFollowsRedirectsToAllowedHosts() throws Exception {
    server.text("/feed", 200, "application/rss+xml", "<rss/>");
    server.redirect("/moved", "/feed");
    GuardedHttpClient.Response response = client.get(server.uri("/moved"), Map.of());
    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
    assertThat(response.uri()).isEqualTo(server.uri("/feed"));
  }

  @Test
  void aPublicNameThatRedirectsToAPrivateAddressIsRefused() {
    server.redirect("/sneaky", "http://127.0.0.1:" + server.port() + "/feed");
    server.redirect("/metadata", "http://169.254.169.254/latest/meta-data/");
    for (String path : new String[] {"/sneaky", "/metadata"}) {
      assertThatThrownBy(() -> client.get(server.uri(path), Map.of()))
          .isInstanceOfSatisfying(
              FetchException.class,
              e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED_ADDRESS));
    }
  }

  @Test
  void redirectLoopsEnd() {
    server.redirect("/a", "/b");
    server.redirect("/b", "/a");
    assertThatThrownBy(() -> client.get(server.uri("/a"), Map.of()))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS));
  }

  @Test
  void aHugeBodyIsCutOffAtTheCap() {
    server.endless("/huge", 100L * 1024 * 1024);
    assertThatThrownBy(() -> client.get(server.uri("/huge"), Map.of()))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
        .hasMessageContaining("larger than 1048576 bytes");
  }

  @Test
  void aStalledServerTimesOut() {
    server.stall("/stall");
    assertThatThrownBy(() -> client.get(server.uri("/stall"), Map.of()))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT));
  }

  @Test
  void conditionalRequestsPassThrough() throws Exception {
    server.route(
        "/etag",
        exchange -> {
          boolean fresh = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
          FixtureServer.respond(
              exchange, fresh ? 304 : 200, Map.of("ETag", "\"v1\""), fresh ? "" : "<rss/>");
        });
    assertThat(client.get(server.uri("/etag"), Map.of()).header("ETag")).isEqualTo("\"v1\"");
    assertThat(client.get(server.uri("/etag"), Map.of("If-None-Match", "\"v1\"")).status())
        .isEqualTo(304);
  }

  @Test
  void theFixtureHostItselfIsRefusedWithoutTheAllowance() throws Exception {
    server.text("/feed", 200, "text/plain", "x");
    try (GuardedHttpClient strict =
        new GuardedHttpClient(
            new AddressGuard(false, Set.of()), GuardedHttpClient.Limits.defaults())) {
      URI feed = server.uri("/feed");
      assertThatThrownBy(() -> strict.get(feed, Map.of()))
          .isInstanceOfSatisfying(
              FetchException.class,
              e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED_ADDRESS));
    }
  }
}
