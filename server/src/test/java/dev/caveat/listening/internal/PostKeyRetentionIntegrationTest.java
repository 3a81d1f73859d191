package dev.caveat.listening.internal;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.post;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@Tag("persistence")
class PostKeyRetentionIntegrationTest extends IntegrationTestSupport {

  @Autowired PostKeyRetention retention;
  @Autowired JdbcClient jdbc;

  @Test
  void oldKeysAreForgottenAndALateRepeatStillMakesNoSecondMention() {
    ApiClient api = api();
    String slug = uniqueSlug("keys");
    String token = companyWithAdminToken(api, slug);
    String brand = "zy" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "Brand", brand);
    String source = "keys-" + slug;
    List<Map<String, Object>> batch =
        List.of(post(source, "1", "My " + brand + " modem died"), post(source, "2", "unrelated"));
    assertThat(api.post("/api/v1/ingest", OPERATOR, batch).json().get("accepted").intValue())
        .isEqualTo(2);

    assertThat(retention.sweep(Instant.now())).as("nothing is old yet").isZero();
    assertThat(keys(source)).isEqualTo(2);

    assertThat(retention.sweep(Instant.now().plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(2);
    assertThat(keys(source)).isZero();

    ApiClient.Response late = api.post("/api/v1/ingest", OPERATOR, batch);
    assertThat(late.json().get("mentions").intValue()).isZero();
    assertThat(mentionTexts(api, token, slug)).containsExactly("My " + brand + " modem died");
  }

  private long keys(String source) {
    return jdbc.sql("select count(*) from post_key where source = ?")
        .param(source)
        .query(Long.class)
        .single();
  }
}
