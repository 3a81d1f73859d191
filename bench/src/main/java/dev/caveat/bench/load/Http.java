package dev.caveat.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few HTTP calls the load driver makes. */
final class Http {

  record Response(int status, String body) {}

  private final HttpClient client;
  private final String base;
  private final String token;

  Http(int port, String token) {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), port, token);
  }

  /** Calls with another token over a client shared with other callers. */
  Http(HttpClient client, int port, String token) {
    this.client = client;
    this.base = "http://localhost:" + port;
    this.token = token;
  }

  Http as(String otherToken) {
    return new Http(
        client, Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
  }

  Response put(String path, String body) throws IOException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response get(String path) throws IOException {
    return send(request(path).GET());
  }

  Response post(String path, String contentType, String body) throws IOException {
    return post(path, contentType, body, Map.of());
  }

  Response post(String path, String contentType, String body, Map<String, String> headers)
      throws IOException {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return send(builder);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) throws IOException {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
