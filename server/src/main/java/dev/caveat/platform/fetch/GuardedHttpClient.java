package dev.caveat.platform.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP for reaching the public web on behalf of sources: every hop's address is checked by the
 * {@link AddressGuard} (redirects are followed here, not by the client, so each target is checked),
 * bodies are capped while they stream in, and a whole exchange has one deadline, so a server that
 * stalls mid-body cannot hold a poller.
 *
 * <p>The guard resolves the host just before the client does; the JVM's address cache (30 s by
 * default) makes both see the same answer, which narrows DNS rebinding to an expiring cache entry.
 */
public final class GuardedHttpClient implements AutoCloseable {

  /** Bounds on one exchange. */
  public record Limits(
      Duration connectTimeout,
      Duration totalTimeout,
      long maxBytes,
      int maxRedirects,
      String userAgent) {

    public static Limits defaults() {
      return new Limits(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          10L * 1024 * 1024,
          5,
          "Caveat/0.1 (+listening hub)");
    }
  }

  /** A response read whole, within the limits; {@code uri} is where it finally came from. */
  public record Response(int status, URI uri, HttpHeaders headers, byte[] body) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final AddressGuard guard;
  private final Limits limits;
  private final HttpClient client;

  public GuardedHttpClient(AddressGuard guard, Limits limits) {
    this.guard = guard;
    this.limits = limits;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public Limits limits() {
    return limits;
  }

  /** GET, following redirects up to the limit, each hop checked. */
  public Response get(URI uri, Map<String, String> headers) throws FetchException {
    URI current = uri;
    for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
      Response response = exchange(request(current, headers).GET().build());
      if (!isRedirect(response.status())) {
        return response;
      }
      current = redirectTarget(current, response.header("Location"));
    }
    throw new FetchException(
        FetchException.Kind.TOO_MANY_REDIRECTS,
        "more than " + limits.maxRedirects() + " redirects from " + uri);
  }

  /** POST without following redirects: a redirected form post is the receiver's problem to fix. */
  public Response post(URI uri, Map<String, String> headers, String contentType, byte[] body)
      throws FetchException {
    return exchange(
        request(uri, headers)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private HttpRequest.Builder request(URI uri, Map<String, String> headers) throws FetchException {
    guard.check(uri);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(limits.totalTimeout())
            .header("User-Agent", limits.userAgent());
    headers.forEach(builder::header);
    return builder;
  }

  private Response exchange(HttpRequest request) throws FetchException {
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, info -> new CappedBody(limits.maxBytes()));
    try {
      HttpResponse<byte[]> response =
          pending.get(limits.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Response(
          response.statusCode(), response.uri(), response.headers(), response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new FetchException(
          FetchException.Kind.TIMEOUT,
          request.uri().getHost()
              + " did not answer in full within "
              + limits.totalTimeout().toSeconds()
              + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Kind.NETWORK, "interrupted while fetching", e);
    } catch (CancellationException e) {
      throw new FetchException(FetchException.Kind.NETWORK, "the fetch was cancelled", e);
    } catch (ExecutionException e) {
      throw translate(request.uri(), e.getCause());
    }
  }

  private FetchException translate(URI uri, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLarge) {
        return new FetchException(
            FetchException.Kind.TOO_LARGE,
            "the response from "
                + uri.getHost()
                + " is larger than "
                + limits.maxBytes()
                + " bytes");
      }
      if (t instanceof java.net.http.HttpTimeoutException) {
        return new FetchException(
            FetchException.Kind.TIMEOUT, uri.getHost() + " did not answer in time", t);
      }
    }
    String message =
        cause instanceof IOException && cause.getMessage() != null
            ? cause.getMessage()
            : String.valueOf(cause);
    return new FetchException(
        FetchException.Kind.NETWORK,
        "could not fetch from " + uri.getHost() + ": " + message,
        cause);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI redirectTarget(URI from, String location) throws FetchException {
    if (location == null || location.isBlank()) {
      throw new FetchException(
          FetchException.Kind.BAD_ADDRESS, "a redirect from " + from + " has no Location");
    }
    try {
      return from.resolve(new URI(location.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Kind.BAD_ADDRESS,
          "a redirect from " + from + " points to an invalid address");
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
