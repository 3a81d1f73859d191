package dev.caveat.core.mf2;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * One parsed microformat: its h-* types, its properties by name (without the p-/u-/dt-/e- prefix),
 * the microformats nested in it that are not property values, the element it came from, and why it
 * was cut short, if it was.
 */
record Microformat(
    List<String> types,
    Map<String, List<Value>> properties,
    List<Microformat> children,
    Element element,
    String cutShort) {

  /** A property value. */
  sealed interface Value {
    /** A p-, u- or dt- value. */
    record Text(String value) implements Value {}

    /** An e- value: its inner HTML. */
    record Html(String html) implements Value {}

    /** A property that is itself a microformat, such as p-author h-card. */
    record Nested(Microformat item, String value) implements Value {}

    /** A value that was not read (too long, or the page's budget spent), and why. */
    record Unread(String reason) implements Value {}
  }

  boolean is(String type) {
    return types.contains(type);
  }

  /** The first value of the property, or null. */
  Value first(String property) {
    List<Value> values = properties.get(property);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** The first value of the property as plain text, or null. */
  String firstText(String property) {
    return switch (first(property)) {
      case Value.Text text -> text.value();
      case Value.Nested nested -> nested.value();
      case null, default -> null;
    };
  }
}
