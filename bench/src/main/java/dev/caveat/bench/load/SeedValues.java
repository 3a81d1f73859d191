package dev.caveat.bench.load;

import dev.caveat.core.classify.Reason;
import java.util.List;

/** Values of seeded rows as the application and the sources shape them: ids, addresses, JSON. */
final class SeedValues {

  private SeedValues() {}

  static String reasons(List<Reason> reasons) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < reasons.size(); i++) {
      Reason r = reasons.get(i);
      json.append(i == 0 ? "" : ",").append("{\"label\":").append(quote(r.label()));
      json.append(",\"evidence\":").append(quote(r.evidence()));
      json.append(",\"weight\":").append(r.weight()).append('}');
    }
    return json.append(']').toString();
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  static String externalId(String source, long id) {
    return switch (source) {
      case "mastodon-social" -> Long.toString(113_000_000_000_000L + id * 7919);
      case "bluesky" -> "3l" + Long.toString(id * 104_729 + 1_000_000_000L, 32);
      default -> Long.toString(id);
    };
  }

  static String postUrl(InboxShape.Mention m, InboxTenants.Tenant t, String externalId) {
    String h = m.author.handle;
    return switch (m.author.source) {
      case "mastodon-social" -> "https://mastodon.social/@" + h + "/" + externalId;
      case "bluesky" -> "https://bsky.app/profile/" + h + "/post/" + externalId;
      case "community" -> "https://community." + t.slug() + ".example/t/" + externalId;
      case "reddit" ->
          "https://www.reddit.com/r/" + t.slug().replace("-", "") + "/comments/" + externalId;
      default -> "https://" + h + ".blog.example/" + externalId;
    };
  }

  static String replyUrl(String source, InboxTenants.Tenant t, String remoteId) {
    String account = t.brand().replace(" ", "");
    return switch (source) {
      case "mastodon-social" -> "https://mastodon.social/@" + account + "/" + remoteId;
      case "bluesky" ->
          "https://bsky.app/profile/" + account.toLowerCase() + ".com/post/" + remoteId;
      default -> "https://community." + t.slug() + ".example/p/" + remoteId;
    };
  }

  static String authorUrl(InboxShape.Identity id, InboxTenants.Tenant t) {
    return switch (id.source) {
      case "mastodon-social" -> "https://mastodon.social/@" + id.handle;
      case "bluesky" -> "https://bsky.app/profile/" + id.handle;
      case "community" -> "https://community." + t.slug() + ".example/u/" + id.handle;
      case "reddit" -> "https://www.reddit.com/user/" + id.handle;
      default -> "https://" + id.handle + ".blog.example";
    };
  }

  /** Forums, Reddit and blogs give posts a title: their first words here. */
  static String title(String source, String text) {
    if (source.equals("mastodon-social") || source.equals("bluesky")) {
      return null;
    }
    String[] words = text.split(" ");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length)));
  }

  /** As Caveat makes a company's case prefix from its slug: "lumen-fibre" gives "LF". */
  static String prefix(String slug) {
    String[] words = slug.toUpperCase().split("-+");
    StringBuilder prefix = new StringBuilder();
    if (words.length >= 2) {
      for (int i = 0; i < words.length && prefix.length() < 3; i++) {
        prefix.append(words[i].charAt(0));
      }
    } else {
      prefix.append(words[0], 0, Math.min(2, words[0].length()));
    }
    return prefix.toString();
  }
}
