package dev.caveat.care.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of a canned response's body, {@code {{customer.name}}} and the like, checked when
 * the response is saved and filled in for one case. Pure text work: the caller gives the values.
 */
final class CannedTemplate {

  /** Every variable a body may use, with what it becomes, in the order the pages list them. */
  static final Map<String, String> VARIABLES = variables();

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private CannedTemplate() {}

  /**
   * What is wrong with the body's variables, in a sentence a lead can act on; empty when nothing
   * is. An unknown variable is named, as is a {@code {{} that is never closed.
   */
  static Optional<String> problem(String body) {
    Matcher m = VARIABLE.matcher(body);
    int checked = 0;
    while (m.find()) {
      if (body.substring(checked, m.start()).contains("{{")) {
        return Optional.of(unclosed());
      }
      String name = m.group(1);
      if (!VARIABLES.containsKey(name)) {
        return Optional.of(
            "body uses {{"
                + name
                + "}}, which is not a variable; use one of "
                + String.join(
                    ", ", VARIABLES.keySet().stream().map(v -> "{{" + v + "}}").toList()));
      }
      checked = m.end();
    }
    return body.substring(checked).contains("{{") ? Optional.of(unclosed()) : Optional.empty();
  }

  /** The variables the body uses, each once, in the order they first appear. */
  static List<String> used(String body) {
    return VARIABLE.matcher(body).results().map(r -> r.group(1)).distinct().toList();
  }

  /** The body with every variable replaced by its value; a missing value becomes empty text. */
  static String fill(String body, Map<String, String> values) {
    return VARIABLE
        .matcher(body)
        .replaceAll(
            r -> {
              String value = values.get(r.group(1));
              return Matcher.quoteReplacement(value == null ? "" : value);
            });
  }

  private static String unclosed() {
    return "body has a {{ that is not closed with }}; write variables as {{customer.name}}";
  }

  private static Map<String, String> variables() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("customer.name", "the customer's name, or their handle when the name is not known");
    v.put("customer.handle", "the customer's handle where they wrote, such as brent_k");
    v.put("case.number", "the case number, such as NB-7K3Q9");
    v.put("case.link", "the address of the case's public page, with its code");
    v.put("rep.name", "the name of the rep who sends the reply");
    v.put("company.name", "your company's name");
    return Collections.unmodifiableMap(v);
  }
}
