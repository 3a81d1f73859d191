package dev.caveat.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Webmention endpoint discovery as the W3C recommendation orders it. */
class WebmentionDiscoveryUnitTest {

  private static final URI PAGE = URI.create("https://blog.example/2026/12/router?x=1");

  @Test
  void theLinkHeaderComesFirstAndRelativeAddressesResolveAgainstThePage() {
    assertThat(
            endpoint(
                List.of("<https://other.example/>; rel=\"me\", </wm?k=1>; rel=\"webmention\""),
                "<link rel=\"webmention\" href=\"/from-html\">"))
        .contains(URI.create("https://blog.example/wm?k=1"));
    assertThat(endpoint(List.of("<endpoint>; rel=webmention"), ""))
        .contains(URI.create("https://blog.example/2026/12/endpoint"));
    assertThat(endpoint(List.of("<https://wm.example/>; rel=\"nofollow webmention\""), ""))
        .contains(URI.create("https://wm.example/"));
    assertThat(endpoint(List.of("<https://wm.example/>; rel=\"not-webmention\""), "")).isEmpty();
  }

  @Test
  void thenTheFirstLinkOrAnchorInDocumentOrder() {
    assertThat(
            endpoint(
                List.of(),
                "<html><head><link rel=\"stylesheet\" href=\"/css\"></head><body>"
                    + "<a rel=\"webmention\" href=\"/by-anchor\">x</a>"
                    + "<link rel=\"webmention\" href=\"/by-link\"></body></html>"))
        .contains(URI.create("https://blog.example/by-anchor"));
    assertThat(endpoint(List.of(), "<link rel=\"WebMention other\" href=\"\">")).contains(PAGE);
    assertThat(
            endpoint(
                List.of(),
                "<link rel=\"webmention\" href=\"javascript:alert(1)\">"
                    + "<a rel=\"webmention\" href=\"https://wm.example/ok\">"))
        .contains(URI.create("https://wm.example/ok"));
    assertThat(endpoint(List.of(), "<a href=\"/webmention\">no rel</a>")).isEmpty();
  }

  @Test
  void aPageThatIsNotHtmlIsNotSearched() {
    assertThat(
            WebmentionDiscovery.endpoint(
                PAGE,
                List.of(),
                "image/png",
                "<link rel=\"webmention\" href=\"/wm\">".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  private static Optional<URI> endpoint(List<String> links, String html) {
    return WebmentionDiscovery.endpoint(
        PAGE, links, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }
}
