package dev.caveat.core.mf2;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Microformats2 class names: h-* roots and p-/u-/dt-/e- properties, as the spec spells them. */
final class ClassNames {

  private static final Pattern ROOT = Pattern.compile("h-(?:[a-z0-9]+-)?[a-z]+(?:-[a-z]+)*");
  private static final Pattern PROPERTY =
      Pattern.compile("(p|u|dt|e)-((?:[a-z0-9]+-)?[a-z]+(?:-[a-z]+)*)");

  /** A property class split into its kind (p, u, dt, e) and name. */
  record Property(String kind, String name) {}

  private ClassNames() {}

  static List<String> roots(Element el) {
    List<String> roots = new ArrayList<>();
    for (String name : el.classNames()) {
      if (ROOT.matcher(name).matches() && !roots.contains(name)) {
        roots.add(name);
      }
    }
    roots.sort(null);
    return roots;
  }

  static List<Property> properties(Element el) {
    List<Property> properties = new ArrayList<>();
    for (String name : el.classNames()) {
      var m = PROPERTY.matcher(name);
      if (m.matches()) {
        Property property = new Property(m.group(1), m.group(2));
        if (!properties.contains(property)) {
          properties.add(property);
        }
      }
    }
    return properties;
  }

  static boolean isRootOrProperty(Element el) {
    return !roots(el).isEmpty() || !properties(el).isEmpty();
  }
}
