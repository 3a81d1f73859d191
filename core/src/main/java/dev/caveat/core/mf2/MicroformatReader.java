package dev.caveat.core.mf2;

import dev.caveat.core.mf2.Microformat.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Parses microformats2 from a jsoup document, one reader per page. The walk over plain elements is
 * a loop, so deep HTML cannot overflow the stack; only nested microformats recurse, and no deeper
 * than {@link Mf2Limits#maxNesting()}. Property values are counted against a page-wide budget.
 */
final class MicroformatReader {

  /**
   * Nodes visited and characters copied while reading values, per byte the page may have. Real
   * pages read each part of themselves a few times at most; a hostile one nesting property in
   * property would read itself once per level, so this keeps its cost to about a second.
   */
  private static final int WORK_PER_BYTE = 2;

  private final Mf2Limits limits;
  private final CappedText text;
  private final PropertyValues values;
  private int budget;

  MicroformatReader(Mf2Limits limits) {
    this.limits = limits;
    this.text = new CappedText(limits.maxFieldChars(), WORK_PER_BYTE * limits.maxBytes());
    this.values = new PropertyValues(text);
    this.budget = limits.maxProperties();
  }

  /** Whether the page held more microformats and properties than the budget let us read. */
  boolean budgetSpent() {
    return budget <= 0;
  }

  /** The microformats not inside any other, in document order. */
  List<Microformat> topLevel(Element root) {
    List<Microformat> found = new ArrayList<>();
    Deque<Element> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty() && !budgetSpent()) {
      Element el = pending.pop();
      if (!ClassNames.roots(el).isEmpty()) {
        found.add(parse(el, 1));
      } else {
        el.children().reversed().forEach(pending::push);
      }
    }
    return found;
  }

  private Microformat parse(Element root, int depth) {
    List<String> types = ClassNames.roots(root);
    if (budgetSpent()) {
      return new Microformat(types, Map.of(), List.of(), root, budgetReason());
    }
    budget--;
    if (depth > limits.maxNesting()) {
      return new Microformat(
          types,
          Map.of(),
          List.of(),
          root,
          "its microformats nest more than " + limits.maxNesting() + " levels deep");
    }
    Map<String, List<Value>> properties = new LinkedHashMap<>();
    List<Microformat> children = new ArrayList<>();
    Found found = new Found();
    Deque<Element> pending = new ArrayDeque<>(root.children());
    while (!pending.isEmpty()) {
      Element el = pending.pop();
      List<ClassNames.Property> props = ClassNames.properties(el);
      if (!ClassNames.roots(el).isEmpty()) {
        Microformat nested = parse(el, depth + 1);
        found.nested = true;
        found.cutShort(nested.cutShort());
        if (props.isEmpty()) {
          children.add(nested);
        }
        for (ClassNames.Property prop : props) {
          add(properties, prop, nestedValue(prop, nested, el), found);
        }
        continue;
      }
      for (ClassNames.Property prop : props) {
        add(properties, prop, value(prop, el), found);
      }
      el.children().reversed().forEach(pending::push);
    }
    if (found.budgetSpent) {
      found.cutShort(budgetReason());
    }
    if (!properties.containsKey("name") && !found.textual && !found.nested) {
      Implied.name(root, text).ifPresent(name -> properties.put("name", List.of(name)));
    }
    if (!properties.containsKey("url") && !found.url && !found.nested) {
      Implied.url(root).ifPresent(url -> properties.put("url", List.of(url)));
    }
    return new Microformat(types, properties, children, root, found.cutShort);
  }

  private String budgetReason() {
    return "the page has more than " + limits.maxProperties() + " microformats and property values";
  }

  private void add(
      Map<String, List<Value>> properties, ClassNames.Property prop, Value value, Found found) {
    if (budget <= 0) {
      found.budgetSpent = true;
      return;
    }
    budget--;
    properties.computeIfAbsent(prop.name(), name -> new ArrayList<>()).add(value);
    found.textual |= prop.kind().equals("p") || prop.kind().equals("e");
    found.url |= prop.kind().equals("u");
  }

  private Value value(ClassNames.Property prop, Element el) {
    if (prop.kind().equals("e")) {
      String html = text.innerHtml(el);
      return html == null ? unread(prop) : new Value.Html(html);
    }
    String value =
        switch (prop.kind()) {
          case "u" -> values.url(el);
          case "dt" -> values.dateTime(el);
          default -> values.plain(el);
        };
    return value == null ? unread(prop) : new Value.Text(value);
  }

  private Value unread(ClassNames.Property prop) {
    String name = prop.kind() + "-" + prop.name();
    return new Value.Unread(
        text.exhausted()
            ? "the page repeats too much text in nested properties to read it all; "
                + name
                + " was not read"
            : name + " is longer than " + limits.maxFieldChars() + " characters");
  }

  /** A nested microformat's value: its name for p-*, its url for u-*, as the spec says. */
  private Value nestedValue(ClassNames.Property prop, Microformat nested, Element el) {
    Value own = value(prop, el);
    if (prop.kind().equals("e")) {
      return own; // an e-* property is wanted for its HTML, whatever microformat it also is
    }
    String preferred =
        switch (prop.kind()) {
          case "p" -> nested.firstText("name");
          case "u" -> nested.firstText("url");
          default -> null;
        };
    if (preferred != null) {
      return new Value.Nested(nested, preferred);
    }
    return own instanceof Value.Text text ? new Value.Nested(nested, text.value()) : own;
  }

  /** What one microformat's walk has met so far; the implied rules depend on it. */
  private static final class Found {
    boolean textual;
    boolean url;
    boolean nested;
    boolean budgetSpent;
    String cutShort;

    void cutShort(String reason) {
      cutShort = cutShort == null ? reason : cutShort;
    }
  }
}
