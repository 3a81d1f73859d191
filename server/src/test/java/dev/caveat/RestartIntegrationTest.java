package dev.caveat;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.post;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stop Caveat and start it again on the same data: nothing is lost, and matching goes on. */
@Tag("persistence")
class RestartIntegrationTest {

  @Test
  void everythingSurvivesARestart() {
    Path dataDir = CaveatTestUtils.newDataDir();
    String slug = uniqueSlug("restart");
    String word = "rs" + UUID.randomUUID().toString().substring(0, 6);
    String source = "restart-" + slug;
    String token;

    try (ConfigurableApplicationContext first = start(dataDir)) {
      ApiClient api = new ApiClient(port(first));
      token = companyWithAdminToken(api, slug);
      monitor(api, token, slug, "Brand", word);
      api.post("/api/v1/ingest", OPERATOR, List.of(post(source, "1", word + " before")));
    }

    try (ConfigurableApplicationContext second = start(dataDir)) {
      ApiClient api = new ApiClient(port(second));
      assertThat(mentionTexts(api, token, slug)).containsExactly(word + " before");
      ApiClient.Response repeat =
          api.post("/api/v1/ingest", OPERATOR, List.of(post(source, "1", word + " before")));
      assertThat(repeat.json().get("duplicates").intValue()).isEqualTo(1);
      api.post("/api/v1/ingest", OPERATOR, List.of(post(source, "2", word + " after")));
      assertThat(mentionTexts(api, token, slug)).containsExactly(word + " after", word + " before");
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(CaveatApplication.class)
        .run(
            "--server.port=0",
            "--caveat.data-dir=" + dataDir,
            "--caveat.bootstrap.token=" + OPERATOR);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
