package dev.caveat.care.internal;

import dev.caveat.listening.MentionDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One routing rule: every condition it gives must hold for the case's first mention, and a null
 * condition holds always. {@code urgency} is a flag such as {@code legal}, or {@code any} for any
 * flag; {@code customer} is the author's handle.
 */
record RoutingRule(
    String monitor,
    String intent,
    String language,
    Double sentimentBelow,
    Double sentimentAbove,
    String urgency,
    String product,
    String customer,
    String team) {

  static final String ANY_URGENCY = "any";

  boolean matches(MentionDetails.Details mention) {
    return (monitor == null || monitor.equalsIgnoreCase(mention.monitor()))
        && (intent == null || intent.equals(mention.intent()))
        && (language == null || language.equalsIgnoreCase(mention.language()))
        && (sentimentBelow == null
            || (mention.sentiment() != null && mention.sentiment() < sentimentBelow))
        && (sentimentAbove == null
            || (mention.sentiment() != null && mention.sentiment() > sentimentAbove))
        && (urgency == null
            || (urgency.equals(ANY_URGENCY)
                ? !mention.urgency().isEmpty()
                : mention.urgency().contains(urgency)))
        && (product == null || mention.products().stream().anyMatch(product::equalsIgnoreCase))
        && (customer == null || handle(customer).equals(handle(mention.authorHandle())));
  }

  /** The conditions in words, for the case's history: "intent complaint, language de". */
  String describe() {
    List<String> parts = new ArrayList<>();
    add(parts, "monitor", monitor);
    add(parts, "intent", intent);
    add(parts, "language", language);
    add(parts, "sentiment below", sentimentBelow);
    add(parts, "sentiment above", sentimentAbove);
    add(parts, "urgency", urgency);
    add(parts, "product", product);
    add(parts, "customer", customer);
    return String.join(", ", parts);
  }

  boolean hasCondition() {
    return !describe().isEmpty();
  }

  private static void add(List<String> parts, String what, Object value) {
    if (value != null) {
      parts.add(what + " " + value);
    }
  }

  private static String handle(String handle) {
    if (handle == null) {
      return "";
    }
    String bare = handle.strip();
    return (bare.startsWith("@") ? bare.substring(1) : bare).toLowerCase(Locale.ROOT);
  }
}
