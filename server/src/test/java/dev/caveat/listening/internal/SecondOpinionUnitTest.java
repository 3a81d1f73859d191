package dev.caveat.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.core.classify.Intent;
import org.junit.jupiter.api.Test;

class SecondOpinionUnitTest {

  private static String completion(String content) {
    return "{\"model\":\"m1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
        + content
        + "}}]}";
  }

  @Test
  void readsTheOpinionWhereverTheModelPutItAndRefusesWhatIsNoIntent() {
    assertThat(SecondOpinion.read(completion("\"{\\\"intent\\\":\\\"Question\\\"}\""), "x"))
        .hasValueSatisfying(o -> assertThat(o.intent()).isEqualTo(Intent.QUESTION));
    assertThat(
            SecondOpinion.read(
                completion(
                    "\"Label:\\n```json\\n{\\\"intent\\\": \\\"spam\\\", \\\"why\\\":"
                        + " \\\"link drop\\\"}\\n```\""),
                "x"))
        .hasValueSatisfying(
            o -> {
              assertThat(o.intent()).isEqualTo(Intent.SPAM);
              assertThat(o.why()).isEqualTo("link drop");
              assertThat(o.model()).isEqualTo("m1");
            });
    assertThat(SecondOpinion.read(completion("\"{\\\"intent\\\":\\\"angry\\\"}\""), "x")).isEmpty();
    assertThat(SecondOpinion.read(completion("\"I cannot help with that.\""), "x")).isEmpty();
    assertThat(SecondOpinion.read(completion("null"), "x")).isEmpty();
    assertThat(SecondOpinion.read("<html>502 Bad Gateway</html>", "x")).isEmpty();
  }

  @Test
  void takesTheBaseAddressOrTheFullOne() {
    assertThat(SecondOpinion.chatCompletions("http://llm.local:8000/v1/").toString())
        .isEqualTo("http://llm.local:8000/v1/chat/completions");
    assertThat(SecondOpinion.chatCompletions("https://api.example/v1/chat/completions").toString())
        .isEqualTo("https://api.example/v1/chat/completions");
    assertThatThrownBy(() -> SecondOpinion.chatCompletions("file:///etc/passwd"))
        .hasMessageContaining("http or https");
  }
}
