package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.MastodonFixture;
import dev.caveat.support.MovableClockIntegrationTestSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two reps on one case: each sees the other typing (never themselves) until the heartbeats stop,
 * and a reply that would cross a colleague's is held back until its rep has read it, or insists.
 */
@Tag("persistence")
class ReplyingIntegrationTest extends MovableClockIntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  private MastodonFixture mastodon;
  private ApiClient api;
  private String slug;
  private String admin;
  private String ana;
  private String ben;
  private String cases;

  @BeforeEach
  void start() {
    mastodon = new MastodonFixture();
    api = api();
    slug = uniqueSlug("replying");
    admin = companyWithAdminToken(api, slug);
    ana = labelledToken("Ana Lima");
    ben = labelledToken("Ben Okafor");
    cases = "/api/v1/companies/" + slug + "/cases";
    String brand = "zq" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String source = mastodon.source(api, brand);
    mastodon.post(
        api,
        source,
        "113000000000000301",
        "dora",
        "My " + brand + " fibre box died again and support hung up on me, the third time");
    awaitFiled(api, jdbc, slug);
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  @Test
  void eachRepSeesTheOtherTypingButNeverThemselvesUntilTheBeatsStop() {
    String number = onlyCase();
    clock.set("2026-03-02T10:00:00Z");
    ApiClient.Response beat = api.post(cases + "/" + number + "/replying", ana, Map.of());
    assertThat(beat.status()).as(beat.body()).isEqualTo(200);
    assertThat(beat.json().get("replying").size()).isZero();

    assertThat(replying(number, ana)).isEmpty();
    List<JsonNode> seenByBen = replying(number, ben);
    assertThat(seenByBen).singleElement().satisfies(r -> assertThat(name(r)).isEqualTo("Ana Lima"));
    assertThat(seenByBen.getFirst().get("since").stringValue()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(seenByBen.getFirst().get("id").stringValue()).isNotBlank();

    // Ben starts typing too: his beat answers that Ana is at it, and Ana now sees Ben.
    clock.advance(Duration.ofSeconds(20));
    api.post(cases + "/" + number + "/replying", ana, Map.of());
    JsonNode benBeat = api.post(cases + "/" + number + "/replying", ben, Map.of()).json();
    assertThat(benBeat.get("replying").valueStream().map(this::name)).containsExactly("Ana Lima");
    assertThat(replying(number, ana).stream().map(this::name)).containsExactly("Ben Okafor");

    // Ana keeps typing; Ben stops beating and is gone 30 seconds after his last beat.
    clock.advance(Duration.ofSeconds(15));
    api.post(cases + "/" + number + "/replying", ana, Map.of());
    clock.advance(Duration.ofSeconds(16));
    assertThat(replying(number, ana)).isEmpty();
    List<JsonNode> stillAna = replying(number, ben);
    assertThat(stillAna.stream().map(this::name)).containsExactly("Ana Lima");
    assertThat(stillAna.getFirst().get("since").stringValue()).isEqualTo("2026-03-02T10:00:00Z");

    // Closing the reply box says so at once.
    assertThat(api.delete(cases + "/" + number + "/replying", ana).status()).isEqualTo(204);
    assertThat(replying(number, ben)).isEmpty();

    // Only the company's own reps, on its own cases.
    String stranger = companyWithAdminToken(api, uniqueSlug("elsewhere"));
    assertThat(api.post(cases + "/" + number + "/replying", stranger, Map.of()).status())
        .isEqualTo(404);
    assertThat(api.post(cases + "/NOPE-12345/replying", ana, Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aReplyThatCrossesAColleaguesIsHeldBackUntilItsRepHasReadItOrInsists() {
    String number = onlyCase();
    // Both reps opened the case before anyone replied.
    assertThat(whole(number, ana).get("replies").size()).isZero();
    api.post(cases + "/" + number + "/replying", ana, Map.of());
    api.post(cases + "/" + number + "/replying", ben, Map.of());

    ApiClient.Response anaReply = reply(number, ana, "Sorry Dora, a technician calls today.", 0L);
    assertThat(anaReply.status()).as(anaReply.body()).isEqualTo(201);
    long anaReplyId = anaReply.json().get("id").longValue();
    // Sending closes Ana's reply box; Ben's is still open.
    assertThat(replying(number, ben)).isEmpty();
    assertThat(replying(number, ana).stream().map(this::name)).containsExactly("Ben Okafor");

    ApiClient.Response crossed = reply(number, ben, "Dora, we are sending someone.", 0L);
    assertThat(crossed.status()).as(crossed.body()).isEqualTo(409);
    assertThat(crossed.json().get("detail").stringValue())
        .contains("Ana Lima replied to case " + number)
        .contains("Read their reply first");
    assertThat(crossed.json().get("colleague").stringValue()).isEqualTo("Ana Lima");
    assertThat(crossed.json().get("reply").longValue()).isEqualTo(anaReplyId);
    assertThat(mastodon.replies()).hasSize(1);

    // Ben reads the case again: having seen Ana's reply, his own goes out.
    JsonNode seen = whole(number, ben).get("replies");
    long newest = seen.get(seen.size() - 1).get("id").longValue();
    assertThat(reply(number, ben, "And a voucher for the trouble.", newest).status())
        .isEqualTo(201);

    // Ana, still on her old view, is stopped by Ben's reply, and sends anyway when she insists.
    ApiClient.Response anaAgain = reply(number, ana, "The technician arrives at noon.", anaReplyId);
    assertThat(anaAgain.status()).isEqualTo(409);
    assertThat(anaAgain.json().get("detail").stringValue()).contains("Ben Okafor replied");
    Map<String, Object> forced = new HashMap<>();
    forced.put("text", "The technician arrives at noon.");
    forced.put("after", anaReplyId);
    forced.put("force", true);
    assertThat(api.post(cases + "/" + number + "/replies", ana, forced).status()).isEqualTo(201);

    // A reply that says nothing of what its rep saw goes out as before, and one's own replies
    // never hold one back.
    assertThat(api.post(cases + "/" + number + "/replies", ben, Map.of("text", "Bye!")).status())
        .isEqualTo(201);
    JsonNode all = whole(number, ana).get("replies");
    assertThat(
            reply(number, ben, "One more thing.", all.get(all.size() - 2).get("id").longValue())
                .status())
        .isEqualTo(201);
    assertThat(mastodon.replies()).hasSize(5);
  }

  @Test
  void aReplyMayBeACannedResponseFilledInForTheCase() {
    String number = onlyCase();
    long canned =
        api.post(
                "/api/v1/companies/" + slug + "/canned-responses",
                admin,
                Map.of("title", "Visit", "body", "Hi {{customer.name}}, {{rep.name}} here."))
            .json()
            .get("id")
            .longValue();
    ApiClient.Response sent =
        api.post(cases + "/" + number + "/replies", ana, Map.of("canned", canned));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().get("text").stringValue()).isEqualTo("Hi dora, Ana Lima here.");
    assertThat(mastodon.replies().getFirst().get("status").stringValue())
        .contains("Hi dora, Ana Lima here.");
    ApiClient.Response both =
        api.post(cases + "/" + number + "/replies", ana, Map.of("canned", canned, "text", "Hi"));
    assertThat(both.status()).isEqualTo(400);
    assertThat(api.post(cases + "/" + number + "/replies", ana, Map.of("canned", 0)).status())
        .isEqualTo(404);
  }

  private String labelledToken(String label) {
    ApiClient.Response token =
        api.post(
            "/api/v1/companies/" + slug + "/tokens", admin, Map.of("role", "rep", "label", label));
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    return token.json().get("token").stringValue();
  }

  private String onlyCase() {
    JsonNode items = api.get(cases, ana).json().get("items");
    assertThat(items.size()).isEqualTo(1);
    return items.get(0).get("number").stringValue();
  }

  private ApiClient.Response reply(String number, String token, String text, long after) {
    return api.post(cases + "/" + number + "/replies", token, Map.of("text", text, "after", after));
  }

  private JsonNode whole(String number, String token) {
    ApiClient.Response r = api.get(cases + "/" + number, token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<JsonNode> replying(String number, String token) {
    return whole(number, token).get("replying").valueStream().toList();
  }

  private String name(JsonNode replier) {
    return replier.get("name").stringValue();
  }
}
