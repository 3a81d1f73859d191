package dev.caveat.core.mf2;

import dev.caveat.core.mf2.Microformat.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * The microformats2 implied name and url: what a microformat without explicit ones is taken to
 * mean, so that {@code <li class="h-entry"><a href="/n/1">A note</a></li>} has both.
 */
final class Implied {

  private Implied() {}

  /** Alt or title of the root or its lone (grand)child, else the root's text. */
  static Optional<Value> name(Element root, CappedText text) {
    if ((root.nameIs("img") || root.nameIs("area")) && root.hasAttr("alt")) {
      return Optional.of(new Value.Text(root.attr("alt")));
    }
    if (root.nameIs("abbr") && root.hasAttr("title")) {
      return Optional.of(new Value.Text(root.attr("title")));
    }
    Element child = onlyPlainChild(root);
    Element grandchild = child == null ? null : onlyPlainChild(child);
    for (Element candidate : Arrays.asList(child, grandchild)) {
      String label = candidate == null ? null : labelOf(candidate);
      if (label != null) {
        return Optional.of(new Value.Text(label));
      }
    }
    String content = text.text(root);
    return content == null || content.isEmpty()
        ? Optional.empty()
        : Optional.of(new Value.Text(content));
  }

  /** The href of the root, or of the lone link among its (grand)children. */
  static Optional<Value> url(Element root) {
    if ((root.nameIs("a") || root.nameIs("area")) && root.hasAttr("href")) {
      return href(root);
    }
    for (Element parent : Arrays.asList(root, onlyPlainChild(root))) {
      for (String tag : List.of("a", "area")) {
        Element link = parent == null ? null : onlyOfType(parent, tag);
        if (link != null && link.hasAttr("href") && ClassNames.roots(link).isEmpty()) {
          return href(link);
        }
      }
    }
    return Optional.empty();
  }

  private static String labelOf(Element el) {
    if ((el.nameIs("img") || el.nameIs("area")) && !el.attr("alt").isEmpty()) {
      return el.attr("alt");
    }
    if (el.nameIs("abbr") && !el.attr("title").isEmpty()) {
      return el.attr("title");
    }
    return null;
  }

  private static Optional<Value> href(Element link) {
    String url = link.absUrl("href");
    return Optional.of(new Value.Text(url.isEmpty() ? link.attr("href") : url));
  }

  private static Element onlyPlainChild(Element el) {
    if (el.childrenSize() != 1) {
      return null;
    }
    Element child = el.child(0);
    return ClassNames.roots(child).isEmpty() ? child : null;
  }

  private static Element onlyOfType(Element parent, String tag) {
    Element found = null;
    for (Element child : parent.children()) {
      if (child.nameIs(tag)) {
        if (found != null) {
          return null;
        }
        found = child;
      }
    }
    return found;
  }
}
