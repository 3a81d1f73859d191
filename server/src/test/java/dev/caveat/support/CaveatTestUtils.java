package dev.caveat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures for tests that drive Caveat through its API. */
public final class CaveatTestUtils {

  /** The password of every person {@link #person} makes. */
  public static final String PASSWORD = "correct horse battery";

  /** The operator token every test context accepts. */
  public static final String OPERATOR = "test-operator-token-0123456789";

  private CaveatTestUtils() {}

  /** Waits until care has filed every mention of the company: filing follows intake by event. */
  public static void awaitFiled(ApiClient api, JdbcClient jdbc, String slug) {
    String company = api.get("/api/v1/companies/" + slug, OPERATOR).json().get("id").stringValue();
    Awaitility.await("mentions filed")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from event_publication where completion_date is null"
                                + " and serialized_event like ?")
                        .param("%" + company + "%")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  /** The e-mail address {@link #person} gives a person of the company. */
  public static String email(String slug, String name) {
    return name.replace(' ', '.').toLowerCase() + "-" + slug + "@example.com";
  }

  /** A rep of the company who can sign in; answers their user id. */
  public static UUID person(ApiClient api, String admin, String slug, String name) {
    ApiClient.Response r =
        api.post(
            "/api/v1/companies/" + slug + "/users",
            admin,
            Map.of("email", email(slug, name), "name", name, "password", PASSWORD, "role", "rep"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return UUID.fromString(r.json().get("id").stringValue());
  }

  /** An application/x-www-form-urlencoded body as a map. */
  public static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /** A fresh data directory under target/, kept short enough for PostgreSQL's socket path. */
  public static Path newDataDir() {
    try {
      Path root = Path.of("target", "test-data").toAbsolutePath();
      Files.createDirectories(root);
      return Files.createTempDirectory(root, "d");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A slug no other test uses, so tests can share one database. */
  public static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a company and returns an admin token for it. */
  public static String companyWithAdminToken(ApiClient api, String slug) {
    ApiClient.Response created =
        api.post("/api/v1/companies", OPERATOR, Map.of("name", "Company " + slug, "slug", slug));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return token(api, OPERATOR, slug, "admin");
  }

  public static String token(ApiClient api, String asToken, String slug, String role) {
    ApiClient.Response token =
        api.post("/api/v1/companies/" + slug + "/tokens", asToken, Map.of("role", role));
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    return token.json().get("token").stringValue();
  }

  public static String monitor(
      ApiClient api, String token, String slug, String name, String query) {
    ApiClient.Response monitor =
        api.post(
            "/api/v1/companies/" + slug + "/monitors", token, Map.of("name", name, "query", query));
    assertThat(monitor.status()).as(monitor.body()).isEqualTo(201);
    return monitor.json().get("id").stringValue();
  }

  public static Map<String, Object> post(String source, String id, String text) {
    return Map.of(
        "source", source,
        "externalId", id,
        "url", "https://forum.example/t/" + id,
        "author", Map.of("handle", "author" + id, "name", "Author " + id),
        "text", text);
  }

  /** Reads a fixture recorded under src/test/resources/fixtures. */
  public static String fixture(String path) {
    try (var in = CaveatTestUtils.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> mentionTexts(ApiClient api, String token, String slug) {
    ApiClient.Response mentions = api.get("/api/v1/companies/" + slug + "/mentions", token);
    assertThat(mentions.status()).as(mentions.body()).isEqualTo(200);
    return mentions
        .json()
        .get("items")
        .valueStream()
        .map(m -> m.get("text").stringValue())
        .toList();
  }
}
