package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class RelMeLinksUnitTest {

  @Test
  void takesOnlyLinksWhoseRelNamesMeResolvedAndNormalised() {
    var html =
        Jsoup.parse(
            "<html><head><link rel=\"me authn\" href=\"/@ana\"></head><body>"
                + "<a rel=\"ME\" href=\"https://Social.Example/@Ana/#top\">me</a>"
                + "<a rel=\"nofollow\" href=\"https://spam.example/\">x</a>"
                + "<a rel=\"me\" href=\"javascript:alert(1)\">bad</a>"
                + "<a rel=\"me\" href=\"mailto:ana@example.org\">mail</a>"
                + "<a rel=\"meh\" href=\"https://other.example/\">no</a></body></html>",
            "https://ana.example/about");
    assertThat(RelMeLinks.links(html))
        .containsExactly("https://ana.example/@ana", "https://social.example/@ana");
  }

  @Test
  void normalisesTheWayIdentityAddressesAreCompared() {
    assertThat(RelMeLinks.normalise("HTTPS://Blog.Example/Eli//#me"))
        .isEqualTo("https://blog.example/eli");
    assertThat(RelMeLinks.normalise("https://blog.example")).isEqualTo("https://blog.example");
  }
}
