package dev.caveat.core.match;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Host names as {@code site:} compares them: lowercase, without a trailing dot. A post is on its
 * own host and on every domain above it down to two labels, so {@code site:example.com} finds posts
 * on forum.example.com; a bare top-level domain such as "com" is too broad to be a site.
 */
final class Sites {

  private Sites() {}

  /** The site names of a post address, most specific first; none if it has no usable host. */
  static List<String> of(String url) {
    if (url == null) {
      return List.of();
    }
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException notAnAddress) {
      return List.of();
    }
    if (host == null) {
      return List.of();
    }
    host = normalise(host);
    if (host.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    names.add(host);
    if (isIpAddress(host)) {
      return names;
    }
    int dot = host.indexOf('.');
    while (dot >= 0 && host.indexOf('.', dot + 1) >= 0) {
      host = host.substring(dot + 1);
      names.add(host);
      dot = host.indexOf('.');
    }
    return names;
  }

  /**
   * The host a user meant by what they typed after {@code site:}: "https://Forum.Example.com/x"
   * means forum.example.com.
   */
  static String typed(String text) {
    String host = text;
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int path = indexOfAny(host, "/?#");
    if (path >= 0) {
      host = host.substring(0, path);
    }
    int port = host.lastIndexOf(':');
    if (port >= 0 && host.indexOf(']') < port) {
      host = host.substring(0, port);
    }
    return normalise(host);
  }

  private static String normalise(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    while (lower.endsWith(".")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    return lower;
  }

  private static boolean isIpAddress(String host) {
    return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
