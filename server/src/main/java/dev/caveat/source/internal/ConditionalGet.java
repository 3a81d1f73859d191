package dev.caveat.source.internal;

import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A GET that sends back the validators of the last stored read, so an unchanged document costs a
 * 304 and nothing more.
 */
final class ConditionalGet {

  private ConditionalGet() {}

  /** The fresh document, or null when it has not changed since the cursor's read. */
  static GuardedHttpClient.Response fetch(
      GuardedHttpClient http, Sources.Source source, String accept, String what)
      throws FetchException {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", accept);
    if (source.cursor().etag() != null) {
      headers.put("If-None-Match", source.cursor().etag());
    }
    if (source.cursor().lastModified() != null) {
      headers.put("If-Modified-Since", source.cursor().lastModified());
    }
    GuardedHttpClient.Response response = http.get(URI.create(source.url()), headers);
    if (response.status() == 304) {
      return null;
    }
    if (response.status() != 200) {
      throw new FetchException(
          FetchException.Kind.NETWORK,
          "the " + what + " answered " + response.status() + " instead of 200");
    }
    return response;
  }

  /** The cursor after a fresh read: the new validators, the position as it was. */
  static Sources.Cursor next(Sources.Source source, GuardedHttpClient.Response response) {
    return new Sources.Cursor(
        response.header("ETag"), response.header("Last-Modified"), source.cursor().position());
  }
}
