package dev.caveat.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.post.Post;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JetstreamMessagesUnitTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REPLY =
      """
      {"did":"did:plc:abc","time_us":1763720000123456,"kind":"commit","commit":{"rev":"3lbrev",
       "operation":"create","collection":"app.bsky.feed.post","rkey":"3lbxyz","cid":"bafy",
       "record":{"$type":"app.bsky.feed.post","text":"Is the Zephyr outage over?",
        "createdAt":"2026-11-21T08:30:12.000Z","langs":["de","en"],
        "reply":{"root":{"uri":"at://did:plc:root/app.bsky.feed.post/1"},
                 "parent":{"uri":"at://did:plc:def/app.bsky.feed.post/3lbpar"}}}}}
      """;

  @Test
  void aCreatedPostBecomesAPostAndItsTimeTheCursor() {
    StreamConnector.Item item = read(REPLY).orElseThrow();
    assertThat(item.cursor()).isEqualTo("1763720000123456");
    assertThat(item.problem()).isNull();
    assertThat(item.post())
        .isEqualTo(
            new Post(
                "sky",
                "at://did:plc:abc/app.bsky.feed.post/3lbxyz",
                "https://bsky.app/profile/did:plc:abc/post/3lbxyz",
                new Post.Author("did:plc:abc", null, "https://bsky.app/profile/did:plc:abc"),
                null,
                "Is the Zephyr outage over?",
                null,
                Instant.parse("2026-11-21T08:30:12Z"),
                "at://did:plc:def/app.bsky.feed.post/3lbpar",
                "de"));
  }

  @Test
  void otherEventsArePassedOver() {
    assertThat(read("{\"did\":\"did:plc:abc\",\"time_us\":5,\"kind\":\"identity\"}")).isEmpty();
    assertThat(read("{\"did\":\"did:plc:abc\",\"time_us\":5,\"kind\":\"account\"}")).isEmpty();
    assertThat(read(REPLY.replace("\"create\"", "\"delete\""))).isEmpty();
    assertThat(read(REPLY.replace("\"create\"", "\"update\""))).isEmpty();
    assertThat(
            read(
                REPLY.replace(
                    "\"collection\":\"app.bsky.feed.post\"",
                    "\"collection\":\"app.bsky.feed.like\"")))
        .isEmpty();
    assertThat(read(REPLY.replace("Is the Zephyr outage over?", " ")))
        .as("no text to match")
        .isEmpty();
  }

  @Test
  void unreadableMessagesAreProblemsWithTheirReason() {
    StreamConnector.Item notJson = read("{\"did\":").orElseThrow();
    assertThat(notJson.post()).isNull();
    assertThat(notJson.cursor()).isNull();
    assertThat(notJson.problem().reason()).startsWith("the message is not valid JSON");
    assertThat(notJson.problem().fingerprint()).startsWith("sha256:");

    assertThat(read("[1,2]").orElseThrow().problem().reason())
        .isEqualTo("the message is not a JSON object");
    assertThat(
            read(REPLY.replace("\"time_us\":1763720000123456,", ""))
                .orElseThrow()
                .problem()
                .reason())
        .isEqualTo("the message has no time_us");

    StreamConnector.Item badKey = read(REPLY.replace("3lbxyz", "../../x")).orElseThrow();
    assertThat(badKey.problem().reason()).isEqualTo("the post has no valid did and rkey");
    assertThat(badKey.cursor())
        .as("quarantined, so the cursor may pass it")
        .isEqualTo("1763720000123456");

    StreamConnector.Item badDate =
        read(REPLY.replace("2026-11-21T08:30:12.000Z", "yesterday")).orElseThrow();
    assertThat(badDate.problem().externalId())
        .isEqualTo("at://did:plc:abc/app.bsky.feed.post/3lbxyz");
    assertThat(badDate.problem().reason()).contains("createdAt");
  }

  private static Optional<StreamConnector.Item> read(String message) {
    return JetstreamMessages.read(JSON, "sky", message);
  }
}
