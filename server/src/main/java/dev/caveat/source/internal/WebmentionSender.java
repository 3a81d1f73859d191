package dev.caveat.source.internal;

import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import dev.caveat.source.Replies;
import dev.caveat.source.ReplyException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Answers a blog post the way blogs talk to each other: the reply is an h-entry on the hub, and a
 * Webmention tells the post's endpoint about it ({@code source} that page, {@code target} the
 * post). Every address — the post, and the endpoint it names — goes through the guarded client, so
 * a post cannot send Caveat to a private address.
 */
@Component
class WebmentionSender {

  /** Source types whose posts are blog posts with addresses of their own. */
  static final Set<String> BLOGS = Set.of("feed", "mf2", SourceController.WEBMENTION);

  private static final int MAX_ANSWER = 300;

  private final GuardedHttpClient http;

  WebmentionSender(GuardedHttpClient http) {
    this.http = http;
  }

  static boolean isWebAddress(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  Replies.Sent send(Replies.Target target, String page) throws ReplyException {
    if (!isWebAddress(target.url()) || page == null) {
      throw new ReplyException(
          ReplyException.Kind.UNSUPPORTED,
          "The blog post has no web address to send a Webmention to: " + target.url());
    }
    URI post = URI.create(target.url());
    GuardedHttpClient.Response answer =
        exchange(
            "The blog post at " + post,
            () ->
                http.get(
                    post, Map.of("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.1")));
    if (answer.status() / 100 != 2) {
      throw new ReplyException(
          answer.status() >= 500 ? ReplyException.Kind.UNREACHABLE : ReplyException.Kind.REFUSED,
          "The blog post at " + post + " answered HTTP " + answer.status() + ".");
    }
    Optional<URI> endpoint =
        WebmentionDiscovery.endpoint(
            answer.uri(),
            answer.headers().allValues("Link"),
            answer.header("Content-Type"),
            answer.body());
    if (endpoint.isEmpty()) {
      throw new ReplyException(
          ReplyException.Kind.REFUSED,
          "The blog post at "
              + post
              + " names no Webmention endpoint, so a reply cannot reach it; answer on the blog by"
              + " hand, or privately.");
    }
    String form =
        "source="
            + URLEncoder.encode(page, StandardCharsets.UTF_8)
            + "&target="
            + URLEncoder.encode(target.url(), StandardCharsets.UTF_8);
    URI to = endpoint.get();
    GuardedHttpClient.Response sent =
        exchange(
            "The blog's Webmention endpoint " + to,
            () ->
                http.post(
                    to,
                    Map.of(),
                    "application/x-www-form-urlencoded",
                    form.getBytes(StandardCharsets.UTF_8)));
    if (sent.status() / 100 != 2) {
      throw new ReplyException(
          sent.status() >= 500 ? ReplyException.Kind.UNREACHABLE : ReplyException.Kind.REFUSED,
          "The blog's Webmention endpoint "
              + to
              + " refused the reply with HTTP "
              + sent.status()
              + said(sent));
    }
    // A receiver that verifies later answers 201 or 202 with where its status can be followed.
    return new Replies.Sent(sent.header("Location"), page);
  }

  private interface Exchange {
    GuardedHttpClient.Response run() throws FetchException;
  }

  private static GuardedHttpClient.Response exchange(String what, Exchange exchange)
      throws ReplyException {
    try {
      return exchange.run();
    } catch (FetchException e) {
      boolean refused =
          e.kind() == FetchException.Kind.REFUSED_ADDRESS
              || e.kind() == FetchException.Kind.BAD_ADDRESS;
      throw new ReplyException(
          refused ? ReplyException.Kind.REFUSED : ReplyException.Kind.UNREACHABLE,
          what + (refused ? " may not be reached: " : " could not be reached: ") + e.getMessage());
    }
  }

  /** The start of what the endpoint said, when it said something readable. */
  private static String said(GuardedHttpClient.Response response) {
    String body = new String(response.body(), StandardCharsets.UTF_8).strip();
    if (body.isEmpty() || body.startsWith("<")) {
      return ".";
    }
    return ": " + (body.length() > MAX_ANSWER ? body.substring(0, MAX_ANSWER) + "…" : body);
  }
}
