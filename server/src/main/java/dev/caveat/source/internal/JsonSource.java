package dev.caveat.source.internal;

import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fetching and reading the JSON APIs of forums and social sites, defensively. */
final class JsonSource {

  private JsonSource() {}

  /** GETs a JSON document; anything but a 200 with parseable JSON is a failed read. */
  static JsonNode get(GuardedHttpClient http, JsonMapper json, URI uri) throws FetchException {
    GuardedHttpClient.Response response = http.get(uri, Map.of("Accept", "application/json"));
    if (response.status() != 200) {
      throw new FetchException(
          FetchException.Kind.NETWORK,
          uri.getHost() + " answered " + response.status() + " for " + uri.getPath());
    }
    try {
      return json.readTree(response.body());
    } catch (JacksonException e) {
      throw new FetchException(
          FetchException.Kind.NETWORK,
          "the answer from " + uri.getHost() + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return null;
    }
    String text = value.asString();
    return text.isBlank() ? null : text;
  }

  static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not a date-time: " + value);
    }
  }

  static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new IllegalArgumentException(field + " is missing or not a number");
    }
    return value.asLong();
  }
}
