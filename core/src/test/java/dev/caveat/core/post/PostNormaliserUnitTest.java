package dev.caveat.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostNormaliserUnitTest {

  @Test
  void derivesTextFromSanitisedHtml() {
    Post post =
        PostNormaliser.normalise(
            raw(null, "<p onclick='x()'>Broken <b>again</b><script>alert(1)</script></p>"));
    assertThat(post.text()).isEqualTo("Broken again");
    assertThat(post.html()).doesNotContain("script", "onclick").contains("<b>again</b>");
  }

  @Test
  void composesUnicodeAndDropsControlCharacters() {
    Post post = PostNormaliser.normalise(raw("Cafe\u0301\u0000 down\u0007", null));
    assertThat(post.text()).isEqualTo("Café down");
  }

  @Test
  void rejectsAPostWithoutText() {
    assertThatThrownBy(() -> PostNormaliser.normalise(raw("   ", "<p> </p>")))
        .isInstanceOf(InvalidPostException.class)
        .hasMessageContaining("no text");
  }

  @Test
  void rejectsMissingIdentity() {
    Post noId = new Post("forum", " ", null, null, null, "hi", null, null, null, null);
    assertThatThrownBy(() -> PostNormaliser.normalise(noId)).hasMessage("externalId is required");
  }

  @Test
  void rejectsAddressesThatAreNotWeb() {
    Post js =
        new Post("forum", "1", "javascript:alert(1)", null, null, "hi", null, null, null, null);
    assertThatThrownBy(() -> PostNormaliser.normalise(js))
        .hasMessage("url must be an http or https address");
  }

  @Test
  void rejectsOversizedText() {
    assertThatThrownBy(() -> PostNormaliser.normalise(raw("x".repeat(100_001), null)))
        .hasMessageContaining("longer than 100000");
  }

  private static Post raw(String text, String html) {
    return new Post(
        "forum", "1", "https://forum.example/t/1", null, null, text, html, null, null, null);
  }
}
