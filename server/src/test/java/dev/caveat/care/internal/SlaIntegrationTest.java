package dev.caveat.care.internal;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.MastodonFixture;
import dev.caveat.support.MovableClockIntegrationTestSupport;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * SLA clocks on a clock the test moves: warnings, breaches and escalation, in business hours only,
 * standing still while the case waits on the customer. Caveat runs here with a clock the test
 * moves; the evaluator is called instead of waiting for its tick.
 */
@Tag("persistence")
class SlaIntegrationTest extends MovableClockIntegrationTestSupport {

  @Autowired SlaEvaluator evaluator;
  @Autowired JdbcClient jdbc;

  private ApiClient api;
  private String slug;
  private String admin;
  private String brand;

  /** Support, led by Lea, with Ana; Berlin office hours; first response in an hour. */
  private UUID company() {
    api = api();
    slug = uniqueSlug("sla");
    admin = companyWithAdminToken(api, slug);
    brand = "zs" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    UUID lea = CaveatTestUtils.person(api, admin, slug, "Lea Lead");
    UUID ana = CaveatTestUtils.person(api, admin, slug, "Ana Lima");
    String c = "/api/v1/companies/" + slug;
    assertThat(api.post(c + "/teams", admin, Map.of("name", "Support", "lead", lea)).status())
        .isEqualTo(201);
    assertThat(
            api.put(c + "/reps/" + ana, admin, Map.of("teams", List.of("Support"), "capacity", 10))
                .status())
        .isEqualTo(201);
    assertThat(api.put(c + "/routing", admin, Map.of("defaultTeam", "Support")).status())
        .isEqualTo(200);
    ApiClient.Response sla =
        api.put(
            c + "/sla",
            admin,
            Map.of(
                "firstResponse", "PT1H",
                "nextResponse", "PT2H",
                "resolution", "PT8H",
                "warnAt", 80,
                "businessHours",
                    Map.of(
                        "days", List.of("mon", "tue", "wed", "thu", "fri"),
                        "start", "09:00",
                        "end", "17:00",
                        "timeZone", "Europe/Berlin")));
    assertThat(sla.status()).as(sla.body()).isEqualTo(200);
    assertThat(sla.json().get("company").get("businessHours").get("days").size()).isEqualTo(5);
    return lea;
  }

  @Test
  void aFirstResponseWarnsThenBreachesAndEscalatesCountingBusinessHoursOnly() {
    UUID lea = company();
    // Friday 16:30 in Berlin: half an hour of business time left this week.
    clock.set("2026-03-06T15:30:00Z");
    String number = complain("amy");

    // Monday 08:00 in Berlin: 63 hours later, yet only 30 business minutes.
    clock.set("2026-03-09T07:00:00Z");
    evaluator.evaluate();
    assertThat(kinds(number)).doesNotContain("sla-warning", "sla-breached");

    // Monday 09:18: 48 of 60 minutes used, 80%.
    clock.set("2026-03-09T08:18:00Z");
    evaluator.evaluate();
    evaluator.evaluate();
    assertThat(details(number, "sla-warning"))
        .singleElement()
        .asString()
        .contains("first response due in 12m", "80% of 1h");
    assertThat(kinds(number)).doesNotContain("sla-breached");

    // Monday 09:31: breached, and the lead of Support hears of it.
    clock.set("2026-03-09T08:31:00Z");
    evaluator.evaluate();
    evaluator.evaluate();
    assertThat(details(number, "sla-breached"))
        .singleElement()
        .asString()
        .contains("first response took longer than 1h");
    assertThat(details(number, "escalated"))
        .singleElement()
        .asString()
        .contains("Lea Lead", "lead of team Support");
    JsonNode whole = whole(number);
    assertThat(whole.get("escalatedTo").get("id").stringValue()).isEqualTo(lea.toString());
    assertThat(whole.get("escalatedTo").get("name").stringValue()).isEqualTo("Lea Lead");
    JsonNode first = sla(whole, "first-response");
    assertThat(first.get("breachedAt").stringValue()).isEqualTo("2026-03-09T08:31:00Z");
    assertThat(first.get("warnedAt").stringValue()).isEqualTo("2026-03-09T08:18:00Z");
  }

  @Test
  void theClocksStandStillWhileTheCaseWaitsOnTheCustomerAndTheReportCountsWhatWasMet() {
    company();
    // Tuesday 09:00 in Berlin: Bo complains on Mastodon, where the rep can answer.
    clock.set("2026-03-10T08:00:00Z");
    try (MastodonFixture mastodon = new MastodonFixture()) {
      String source = mastodon.source(api, brand);
      mastodon.timeline(
          MastodonFixture.status(
              "113000000000000401",
              "bo",
              // Worded unlike the complaints posted later, which must not be taken for its copies.
              "Still no "
                  + brand
                  + " internet since Monday. The engineer never came and nobody answers the"
                  + " phone, this is a disgrace"));
      MastodonFixture.poll(api, source);
      CaveatTestUtils.awaitFiled(api, jdbc, slug);
      String number = caseOf("bo");

      // Answered in public at 09:30; the case waits on the customer from then on.
      clock.set("2026-03-10T08:30:00Z");
      ApiClient.Response reply =
          api.post(
              "/api/v1/companies/" + slug + "/cases/" + number + "/replies",
              admin,
              Map.of(
                  "text", "Bo, a technician calls you tomorrow morning.", "visibility", "public"));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      assertThat(mastodon.received()).hasSize(1);
      assertThat(whole(number).get("status").stringValue()).isEqualTo("waiting");
      assertThat(sla(whole(number), "first-response").get("stoppedAt").stringValue())
          .isEqualTo("2026-03-10T08:30:00Z");
      // Wednesday 09:00: eight and a half business hours since opening, but only the first half
      // hour counts against resolution's eight.
      clock.set("2026-03-11T08:00:00Z");
      evaluator.evaluate();
      assertThat(kinds(number)).doesNotContain("sla-warning", "sla-breached");

      // Bo writes again: the wait ends and a next response is due within two hours.
      mastodon.timeline(
          MastodonFixture.status(
              "113000000000000402",
              "bo",
              "Still broken, the " + brand + " technician never called and nobody picks up"));
      MastodonFixture.poll(api, source);
      CaveatTestUtils.awaitFiled(api, jdbc, slug);
      assertThat(whole(number).get("status").stringValue()).isEqualTo("open");
      nextResponseRunsAndTheReportCountsWhatWasMet(number);
    }
  }

  private void nextResponseRunsAndTheReportCountsWhatWasMet(String number) {
    clock.set("2026-03-11T09:00:00Z");
    evaluator.evaluate();
    assertThat(kinds(number)).doesNotContain("sla-warning", "sla-breached");
    clock.set("2026-03-11T09:36:00Z");
    evaluator.evaluate();
    assertThat(details(number, "sla-warning"))
        .singleElement()
        .asString()
        .contains("next response due in 24m");

    // The report: the first response was met; the next response still runs.
    ApiClient.Response report =
        api.get("/api/v1/companies/" + slug + "/sla/report?since=2026-03-01T00:00:00Z", admin);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode support = report.json().get("teams").get(0);
    assertThat(support.get("team").stringValue()).isEqualTo("Support");
    JsonNode firstResponse = support.get("targets").get("first-response");
    assertThat(firstResponse.get("met").intValue()).isEqualTo(1);
    assertThat(firstResponse.get("missed").intValue()).isZero();
    assertThat(firstResponse.get("percentMet").doubleValue()).isEqualTo(100.0);
    assertThat(support.get("targets").get("next-response").get("running").intValue()).isEqualTo(1);

    // A second case misses its first response: half met.
    clock.set("2026-03-11T10:00:00Z");
    complain("cy");
    clock.set("2026-03-11T12:00:00Z");
    evaluator.evaluate();
    JsonNode after =
        api.get("/api/v1/companies/" + slug + "/sla/report?since=2026-03-01T00:00:00Z", admin)
            .json()
            .get("teams")
            .get(0)
            .get("targets")
            .get("first-response");
    assertThat(after.get("met").intValue()).isEqualTo(1);
    assertThat(after.get("missed").intValue()).isEqualTo(1);
    assertThat(after.get("percentMet").doubleValue()).isEqualTo(50.0);
  }

  @Test
  void policiesRefuseWhatMakesNoSense() {
    company();
    String c = "/api/v1/companies/" + slug;
    assertThat(api.put(c + "/sla", admin, Map.of("firstResponse", "an hour")).status())
        .isEqualTo(400);
    assertThat(api.put(c + "/sla", admin, Map.of("warnAt", 80)).status()).isEqualTo(400);
    assertThat(api.put(c + "/sla", admin, Map.of("firstResponse", "PT1H", "warnAt", 100)).status())
        .isEqualTo(400);
    ApiClient.Response backwards =
        api.put(
            c + "/sla",
            admin,
            Map.of(
                "firstResponse",
                "PT1H",
                "businessHours",
                Map.of(
                    "days", List.of("mon"), "start", "17:00", "end", "09:00", "timeZone", "UTC")));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().get("detail").stringValue()).contains("end must be after");
    assertThat(
            api.put(
                    c + "/sla",
                    admin,
                    Map.of(
                        "firstResponse",
                        "PT1H",
                        "businessHours",
                        Map.of(
                            "days", List.of("mon"),
                            "start", "09:00",
                            "end", "17:00",
                            "timeZone", "Mars/Olympus")))
                .status())
        .isEqualTo(400);
    assertThat(api.put(c + "/teams/999999/sla", admin, Map.of("firstResponse", "PT1H")).status())
        .isEqualTo(404);
    long team = api.get(c + "/teams", admin).json().get("items").get(0).get("id").longValue();
    assertThat(
            api.put(c + "/teams/" + team + "/sla", admin, Map.of("firstResponse", "PT15M"))
                .status())
        .isEqualTo(200);
    JsonNode policies = api.get(c + "/sla", admin).json();
    assertThat(policies.get("teams").get(0).get("team").stringValue()).isEqualTo("Support");
    assertThat(policies.get("teams").get(0).get("firstResponse").stringValue()).isEqualTo("PT15M");
    assertThat(api.delete(c + "/teams/" + team + "/sla", admin).status()).isEqualTo(204);
    assertThat(api.delete(c + "/teams/" + team + "/sla", admin).status()).isEqualTo(404);
  }

  // --- fixtures

  private String complain(String author) {
    post(author, "My " + brand + " router died again and support hung up on me, third time");
    return caseOf(author);
  }

  private String caseOf(String author) {
    JsonNode items = api.get("/api/v1/companies/" + slug + "/cases", admin).json().get("items");
    return items
        .valueStream()
        .filter(c -> c.get("customer").get("handle").stringValue().equals(author))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case for " + author + " in " + items))
        .get("number")
        .stringValue();
  }

  private void post(String author, String text) {
    Random random = new Random();
    StringBuilder unlike = new StringBuilder(" Refs");
    for (int i = 0; i < 10; i++) {
      unlike.append(' ');
      for (int j = 0; j < 6; j++) {
        unlike.append((char) ('a' + random.nextInt(26)));
      }
    }
    ApiClient.Response r =
        api.post(
            "/api/v1/ingest",
            OPERATOR,
            List.of(
                Map.of(
                    "source",
                    "forum-" + slug,
                    "externalId",
                    UUID.randomUUID().toString(),
                    "author",
                    Map.of("handle", author),
                    "text",
                    text + unlike)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    CaveatTestUtils.awaitFiled(api, jdbc, slug);
  }

  private JsonNode whole(String number) {
    return api.get("/api/v1/companies/" + slug + "/cases/" + number, admin).json();
  }

  private List<String> kinds(String number) {
    return whole(number).get("events").valueStream().map(e -> e.get("kind").stringValue()).toList();
  }

  private List<String> details(String number, String kind) {
    return whole(number)
        .get("events")
        .valueStream()
        .filter(e -> e.get("kind").stringValue().equals(kind))
        .map(e -> e.get("details").stringValue())
        .toList();
  }

  private static JsonNode sla(JsonNode whole, String target) {
    return whole
        .get("sla")
        .valueStream()
        .filter(k -> k.get("target").stringValue().equals(target))
        .findFirst()
        .orElseThrow();
  }
}
