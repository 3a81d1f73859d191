package dev.caveat.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SitesUnitTest {

  @Test
  void aPostIsOnItsHostAndTheDomainsAboveItButNotTheTopLevel() {
    assertThat(Sites.of("https://Forum.Example.COM./t/1?x=y"))
        .containsExactly("forum.example.com", "example.com");
    assertThat(Sites.of("http://a.b.example.co.uk/"))
        .containsExactly("a.b.example.co.uk", "b.example.co.uk", "example.co.uk", "co.uk");
  }

  @Test
  void addressesWithoutAUsableHostGiveNoSites() {
    assertThat(Sites.of(null)).isEmpty();
    assertThat(Sites.of("not a url")).isEmpty();
    assertThat(Sites.of("mailto:someone@example.com")).isEmpty();
  }

  @Test
  void numericHostsHaveNoParents() {
    assertThat(Sites.of("http://192.168.1.10:8080/x")).containsExactly("192.168.1.10");
  }

  @Test
  void whatUsersTypeAfterSiteIsReducedToAHost() {
    assertThat(Sites.typed("Example.com")).isEqualTo("example.com");
    assertThat(Sites.typed("https://forum.example.com:443/t/1")).isEqualTo("forum.example.com");
    assertThat(Sites.typed("example.com/path")).isEqualTo("example.com");
    assertThat(Sites.typed("example.com.")).isEqualTo("example.com");
  }
}
