package dev.caveat.core.mf2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;

/** How microformats2 reads a p-, u- or dt- property from its element. */
final class PropertyValues {

  private final CappedText text;

  PropertyValues(CappedText text) {
    this.text = text;
  }

  /** A p-* value: value-class pattern, then the element's own attribute, then its text. */
  String plain(Element el) {
    String fromValues = valueClass(el, false);
    if (fromValues != null) {
      return fromValues;
    }
    if (el.nameIs("abbr") && el.hasAttr("title")) {
      return el.attr("title");
    }
    if ((el.nameIs("data") || el.nameIs("input")) && el.hasAttr("value")) {
      return el.attr("value");
    }
    if ((el.nameIs("img") || el.nameIs("area")) && el.hasAttr("alt")) {
      return el.attr("alt");
    }
    return text.text(el);
  }

  /** A u-* value, absolute against the page's base. */
  String url(Element el) {
    String attribute =
        switch (el.normalName()) {
          case "a", "area", "link" -> "href";
          case "img", "audio", "source", "iframe" -> "src";
          case "video" -> el.hasAttr("src") ? "src" : "poster";
          case "object" -> "data";
          default -> null;
        };
    if (attribute != null && el.hasAttr(attribute)) {
      String absolute = el.absUrl(attribute);
      return absolute.isEmpty() ? absolute(el, el.attr(attribute)) : absolute;
    }
    String value = valueClass(el, false);
    if (value == null && el.nameIs("abbr") && el.hasAttr("title")) {
      value = el.attr("title");
    } else if (value == null && (el.nameIs("data") || el.nameIs("input")) && el.hasAttr("value")) {
      value = el.attr("value");
    }
    return absolute(el, value != null ? value : text.text(el));
  }

  /** A dt-* value: the machine-readable form where the markup offers one. */
  String dateTime(Element el) {
    String fromValues = valueClass(el, true);
    if (fromValues != null) {
      return fromValues;
    }
    String attribute = dateAttribute(el);
    return attribute != null ? el.attr(attribute) : text.text(el);
  }

  /**
   * The value-class pattern: the values of descendant {@code .value} elements, outside nested
   * properties and microformats, joined; for dates a date part and a time part join with "T".
   */
  private String valueClass(Element el, boolean dateTime) {
    List<String> parts = new ArrayList<>();
    Deque<Element> pending = new ArrayDeque<>(el.children());
    while (!pending.isEmpty() && parts.size() < 8) {
      Element child = pending.pop();
      if (ClassNames.isRootOrProperty(child)) {
        continue;
      }
      if (child.hasClass("value")) {
        String attribute = dateTime ? dateAttribute(child) : null;
        parts.add(attribute != null ? child.attr(attribute) : valueOf(child));
      } else {
        child.children().reversed().forEach(pending::push);
      }
    }
    if (parts.isEmpty() || parts.contains(null)) {
      return null;
    }
    return dateTime && parts.size() >= 2
        ? parts.get(0) + "T" + parts.get(1)
        : String.join("", parts);
  }

  private String valueOf(Element value) {
    if ((value.nameIs("img") || value.nameIs("area")) && value.hasAttr("alt")) {
      return value.attr("alt");
    }
    if (value.nameIs("data") && value.hasAttr("value")) {
      return value.attr("value");
    }
    if (value.nameIs("abbr") && value.hasAttr("title")) {
      return value.attr("title");
    }
    return text.text(value);
  }

  private static String dateAttribute(Element el) {
    if ((el.nameIs("time") || el.nameIs("ins") || el.nameIs("del")) && el.hasAttr("datetime")) {
      return "datetime";
    }
    if (el.nameIs("abbr") && el.hasAttr("title")) {
      return "title";
    }
    if ((el.nameIs("data") || el.nameIs("input")) && el.hasAttr("value")) {
      return "value";
    }
    return null;
  }

  private static String absolute(Element context, String url) {
    if (url == null) {
      return null;
    }
    String trimmed = url.strip();
    if (trimmed.isEmpty()) {
      return context.baseUri().isEmpty() ? null : context.baseUri();
    }
    try {
      URI base = new URI(context.baseUri());
      if (base.getRawAuthority() != null && base.getRawPath().isEmpty()) {
        base = base.resolve("/"); // URI.resolve would glue "x" onto "http://host" as "hostx"
      }
      return base.resolve(new URI(trimmed)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return trimmed; // the normaliser says what is wrong with it, if it is used
    }
  }
}
