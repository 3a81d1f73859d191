package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.MastodonFixture;
import dev.caveat.support.MovableClockIntegrationTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * When a case is due: its earliest running SLA clock's due time on the list and the case, and each
 * clock's own, counted in business hours and standing still while the case waits on the customer.
 */
@Tag("persistence")
class SlaDueTimesIntegrationTest extends MovableClockIntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void aCaseIsDueWhenItsEarliestRunningClockIsCountingBusinessHoursAndWaitsOnTheCustomer() {
    ApiClient api = api();
    String slug = uniqueSlug("due");
    String admin = companyWithAdminToken(api, slug);
    String brand = "zd" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug;
    try (MastodonFixture mastodon = new MastodonFixture()) {
      String source = mastodon.source(api, brand);
      // Friday 16:30 in Berlin.
      clock.set("2026-03-06T15:30:00Z");
      mastodon.post(
          api,
          source,
          "113000000000000401",
          "emil",
          "My " + brand + " modem died again and support hung up on me, the third time now");
      awaitFiled(api, jdbc, slug);
      String number = summary(api, admin, c).get("number").stringValue();

      // Without an SLA policy nothing is due.
      assertThat(summary(api, admin, c).get("dueAt").isNull()).isTrue();
      assertThat(api.get(c + "/cases/" + number, admin).json().get("dueAt").isNull()).isTrue();

      ApiClient.Response sla =
          api.put(
              c + "/sla",
              admin,
              Map.of(
                  "firstResponse", "PT1H",
                  "nextResponse", "PT2H",
                  "resolution", "PT8H",
                  "businessHours",
                      Map.of(
                          "days", List.of("mon", "tue", "wed", "thu", "fri"),
                          "start", "09:00",
                          "end", "17:00",
                          "timeZone", "Europe/Berlin")));
      assertThat(sla.status()).as(sla.body()).isEqualTo(200);

      // Half an hour of Friday counts; the first response is due Monday 09:30 in Berlin, the
      // resolution after seven and a half more business hours, Monday 16:30.
      assertThat(summary(api, admin, c).get("dueAt").stringValue())
          .isEqualTo("2026-03-09T08:30:00Z");
      JsonNode whole = api.get(c + "/cases/" + number, admin).json();
      assertThat(whole.get("dueAt").stringValue()).isEqualTo("2026-03-09T08:30:00Z");
      assertThat(due(whole, "first-response")).isEqualTo("2026-03-09T08:30:00Z");
      assertThat(due(whole, "resolution")).isEqualTo("2026-03-09T15:30:00Z");

      // Answered Monday 09:00: the first response was due at 09:30 all the same, and while the
      // case waits on the customer nothing is due.
      clock.set("2026-03-09T08:00:00Z");
      ApiClient.Response reply =
          api.post(c + "/cases/" + number + "/replies", admin, Map.of("text", "On our way, Emil."));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      whole = api.get(c + "/cases/" + number, admin).json();
      assertThat(whole.get("status").stringValue()).isEqualTo("waiting");
      assertThat(due(whole, "first-response")).isEqualTo("2026-03-09T08:30:00Z");
      assertThat(due(whole, "resolution")).isNull();
      assertThat(whole.get("dueAt").isNull()).isTrue();
      assertThat(summary(api, admin, c).get("dueAt").isNull()).isTrue();

      // The customer writes on Tuesday 09:00: a next response is due by 11:00, and the resolution
      // has the seven and a half hours it had left, to 16:30.
      clock.set("2026-03-10T08:00:00Z");
      mastodon.post(
          api,
          source,
          "113000000000000402",
          "emil",
          "Nobody came for my " + brand + " modem yesterday, still offline this morning");
      awaitFiled(api, jdbc, slug);
      whole = api.get(c + "/cases/" + number, admin).json();
      assertThat(whole.get("status").stringValue()).isEqualTo("open");
      assertThat(due(whole, "next-response")).isEqualTo("2026-03-10T10:00:00Z");
      assertThat(due(whole, "resolution")).isEqualTo("2026-03-10T15:30:00Z");
      assertThat(whole.get("dueAt").stringValue()).isEqualTo("2026-03-10T10:00:00Z");
      assertThat(summary(api, admin, c).get("dueAt").stringValue())
          .isEqualTo("2026-03-10T10:00:00Z");

      // Resolved, nothing is due any more.
      assertThat(
              api.post(c + "/cases/" + number + "/resolve", admin, Map.of("resolution", "solved"))
                  .status())
          .isEqualTo(200);
      assertThat(summary(api, admin, c).get("dueAt").isNull()).isTrue();
    }
  }

  private static JsonNode summary(ApiClient api, String token, String company) {
    JsonNode items = api.get(company + "/cases", token).json().get("items");
    assertThat(items.size()).isEqualTo(1);
    return items.get(0);
  }

  private static String due(JsonNode whole, String target) {
    JsonNode clock =
        whole
            .get("sla")
            .valueStream()
            .filter(k -> k.get("target").stringValue().equals(target))
            .reduce((first, later) -> later)
            .orElseThrow(() -> new AssertionError("no " + target + " clock in " + whole));
    return clock.get("dueAt").isNull() ? null : clock.get("dueAt").stringValue();
  }
}
