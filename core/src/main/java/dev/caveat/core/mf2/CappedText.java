package dev.caveat.core.mf2;

import java.io.IOException;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text and HTML of elements, stopping as soon as one passes the field cap or the page's reading
 * passes its work budget. Property elements nested in property elements make each level read
 * everything below it, which a hostile page can make quadratic; the budget, counted in nodes
 * visited and characters copied, keeps a page's total work linear in its size.
 */
final class CappedText {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Thrown by the capped appendable to stop jsoup's serialiser; carries no stack trace. */
  private static final class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Full() {
      super(null, null, false, false);
    }
  }

  private final int max;
  private long work;

  CappedText(int maxChars, long work) {
    this.max = maxChars;
    this.work = work;
  }

  /** Whether the page's work budget is spent; every read fails from then on. */
  boolean exhausted() {
    return work <= 0;
  }

  /**
   * The microformats2 textContent: script and style dropped, images by their alt text, blocks and
   * line breaks as spaces, whitespace collapsed. Null when longer than the cap or over budget.
   */
  String text(Element element) {
    StringBuilder out = new StringBuilder();
    boolean[] tooLong = {false};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            switch (node) {
              case TextNode text -> out.append(text.getWholeText());
              case Element el when el.nameIs("script") || el.nameIs("style") -> {
                return FilterResult.SKIP_ENTIRELY;
              }
              case Element el when el.nameIs("img") || el.nameIs("area") ->
                  out.append(' ').append(el.attr("alt")).append(' ');
              case Element el when el.isBlock() || el.nameIs("br") -> out.append(' ');
              default -> {
                // Inline elements add nothing of their own.
              }
            }
            work -= 1 + (node instanceof TextNode text ? text.getWholeText().length() : 0);
            tooLong[0] = out.length() > max || work <= 0;
            return tooLong[0] ? FilterResult.STOP : FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el && el.isBlock()) {
              out.append(' ');
            }
            return FilterResult.CONTINUE;
          }
        },
        element);
    if (tooLong[0]) {
      return null;
    }
    return WHITESPACE.matcher(out).replaceAll(" ").strip();
  }

  /** The element's inner HTML, or null when longer than the cap or over budget. */
  String innerHtml(Element element) {
    StringBuilder out = new StringBuilder();
    Appendable capped =
        new Appendable() {
          @Override
          public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
          }

          @Override
          public Appendable append(CharSequence text, int start, int end) {
            work -= end - start;
            if (out.length() + (end - start) > max || work <= 0) {
              throw new Full();
            }
            out.append(text, start, end);
            return this;
          }

          @Override
          public Appendable append(char c) throws IOException {
            return append(String.valueOf(c));
          }
        };
    try {
      element.html(capped);
      return out.toString().strip();
    } catch (Full e) {
      return null;
    }
  }
}
