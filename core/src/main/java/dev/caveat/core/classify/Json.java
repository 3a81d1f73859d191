package dev.caveat.core.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON to read one line of the labelled data: objects, arrays, strings, numbers,
 * booleans and null, into maps, lists, strings, doubles and booleans.
 */
final class Json {

  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  static Map<String, Object> object(String line) {
    Json j = new Json(line);
    j.space();
    if (j.peek() != '{') {
      throw j.error("expected an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) j.value();
    j.space();
    if (j.i != line.length()) {
      throw j.error("unexpected text after the object");
    }
    return m;
  }

  private Object value() {
    space();
    char c = peek();
    switch (c) {
      case '{' -> {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
          i++;
          return m;
        }
        while (true) {
          space();
          String key = string();
          space();
          expect(':');
          m.put(key, value());
          space();
          if (peek() == ',') {
            i++;
          } else {
            expect('}');
            return m;
          }
        }
      }
      case '[' -> {
        i++;
        List<Object> l = new ArrayList<>();
        space();
        if (peek() == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          space();
          if (peek() == ',') {
            i++;
          } else {
            expect(']');
            return l;
          }
        }
      }
      case '"' -> {
        return string();
      }
      default -> {
        return literal();
      }
    }
  }

  private Object literal() {
    int start = i;
    while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    String word = s.substring(start, i);
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> {
        try {
          yield Double.parseDouble(word);
        } catch (NumberFormatException e) {
          i = start;
          throw error("expected a value");
        }
      }
    };
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    i++;
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void space() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at character " + i);
  }
}
