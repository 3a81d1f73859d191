package dev.caveat.listening;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat model behind an OpenAI-compatible endpoint gives a second opinion on posts the classifier
 * is unsure of. Here every post counts as unsure, and a local server speaks the protocol.
 */
@Tag("persistence")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecondOpinionIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path DATA_DIR = CaveatTestUtils.newDataDir();
  private static final FixtureServer CHAT = new FixtureServer();
  private static final List<JsonNode> ASKED = new CopyOnWriteArrayList<>();
  private static final List<String> KEYS = new CopyOnWriteArrayList<>();
  private static final AtomicInteger STATUS = new AtomicInteger(200);
  private static final AtomicReference<String> SAYS = new AtomicReference<>();

  static {
    CHAT.route(
        "/v1/chat/completions",
        exchange -> {
          ASKED.add(
              JSON.readTree(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          KEYS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          String content = SAYS.get();
          String body =
              JSON.writeValueAsString(
                  Map.of(
                      "id",
                      "chatcmpl-1",
                      "object",
                      "chat.completion",
                      "model",
                      "local-llm-7b",
                      "choices",
                      List.of(
                          Map.of(
                              "index",
                              0,
                              "finish_reason",
                              "stop",
                              "message",
                              Map.of("role", "assistant", "content", content)))));
          FixtureServer.respond(
              exchange, STATUS.get(), Map.of("Content-Type", "application/json"), body);
        });
  }

  @DynamicPropertySource
  static void caveatProperties(DynamicPropertyRegistry registry) {
    registry.add("caveat.data-dir", DATA_DIR::toString);
    registry.add("caveat.bootstrap.token", () -> OPERATOR);
    registry.add("caveat.webmention.tick", () -> "1h");
    registry.add(
        "caveat.classify.second-opinion.url", () -> "http://127.0.0.2:" + CHAT.port() + "/v1/");
    registry.add("caveat.classify.second-opinion.key", () -> "sk-local-test");
    registry.add("caveat.classify.second-opinion.model", () -> "local-llm");
    registry.add("caveat.classify.second-opinion.below", () -> "1.01");
  }

  @AfterAll
  static void stopChat() {
    CHAT.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    ASKED.clear();
    KEYS.clear();
    STATUS.set(200);
  }

  @Test
  void anUnsurePostIsAskedAboutAndTheModelsReadingComesWithItsReason() {
    ApiClient api = new ApiClient(port);
    String text = "Saw the Northwind van parked outside the library again this morning";
    SAYS.set(
        "Sure! Here is the label:\n```json\n{\"intent\": \"complaint\", \"why\": \"The van"
            + " blocks the library entrance every day.\"}\n```");
    ApiClient.Response classified = api.post("/api/v1/classify", OPERATOR, Map.of("text", text));
    assertThat(classified.status()).as(classified.body()).isEqualTo(200);
    JsonNode answer = classified.json();
    assertThat(answer.get("intent").stringValue()).isEqualTo("complaint");
    assertThat(answer.get("secondOpinion").get("model").stringValue()).isEqualTo("local-llm-7b");
    assertThat(answer.get("secondOpinion").get("why").stringValue()).contains("library entrance");
    assertThat(answer.get("reasons").get(0).get("label").stringValue())
        .isEqualTo("second opinion: complaint");

    // What the model was sent: the configured model and key, our instructions, the post.
    assertThat(ASKED).hasSize(1);
    JsonNode asked = ASKED.getFirst();
    assertThat(asked.get("model").stringValue()).isEqualTo("local-llm");
    assertThat(asked.get("messages").get(0).get("role").stringValue()).isEqualTo("system");
    assertThat(asked.get("messages").get(1).get("content").stringValue()).isEqualTo(text);
    assertThat(KEYS).containsExactly("Bearer sk-local-test");

    // A model that fails, or talks nonsense, leaves the classifier's own answer.
    STATUS.set(500);
    JsonNode own = api.post("/api/v1/classify", OPERATOR, Map.of("text", text)).json();
    assertThat(own.get("intent").stringValue()).isNotEqualTo("complaint");
    assertThat(own.get("secondOpinion").isNull()).isTrue();
    STATUS.set(200);
    SAYS.set("{\"intent\": \"rant\"}");
    own = api.post("/api/v1/classify", OPERATOR, Map.of("text", text)).json();
    assertThat(own.get("intent").stringValue()).isNotEqualTo("complaint");
    assertThat(own.get("secondOpinion").isNull()).isTrue();
  }

  @Test
  void aMentionTheModelReadsAsAComplaintBecomesACase() {
    ApiClient api = new ApiClient(port);
    String slug = uniqueSlug("second");
    String admin = companyWithAdminToken(api, slug);
    String brand = "zq" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    SAYS.set("{\"intent\": \"complaint\", \"why\": \"A customer stuck without service.\"}");
    ApiClient.Response ingested =
        api.post(
            "/api/v1/ingest",
            OPERATOR,
            List.of(
                Map.of(
                    "source",
                    "forum-" + slug,
                    "externalId",
                    "1",
                    "author",
                    Map.of("handle", "quiet"),
                    "text",
                    "Day six of staring at the blinking "
                        + brand
                        + " box. Cannot say I am"
                        + " surprised anymore.")));
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
    CaveatTestUtils.awaitFiled(api, jdbc, slug);
    String c = "/api/v1/companies/" + slug;
    JsonNode mention = api.get(c + "/mentions/" + firstMentionId(api, admin, c), admin).json();
    assertThat(mention.get("intent").stringValue()).isEqualTo("complaint");
    assertThat(mention.toString()).contains("second opinion (local-llm-7b): complaint");
    JsonNode cases = api.get(c + "/cases", admin).json().get("items");
    assertThat(cases.size()).isEqualTo(1);
    assertThat(cases.get(0).get("customer").get("handle").stringValue()).isEqualTo("quiet");
  }

  private static long firstMentionId(ApiClient api, String token, String c) {
    return api.get(c + "/mentions", token).json().get("items").get(0).get("id").longValue();
  }
}
