package dev.caveat.core.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labelled posts in the JSONL shape of the development set: one object per line with {@code id},
 * {@code lang}, {@code intent}, {@code sentiment}, {@code urgency}, {@code style} and {@code text}.
 * The base set ships beside this class as {@code base/<lang>.jsonl}.
 */
final class DataSet {

  /** One line of a data file. */
  record Row(
      String id,
      String language,
      Intent intent,
      Double sentiment,
      Set<Urgency> urgency,
      String style,
      String text) {

    LabelledPost labelled() {
      return new LabelledPost(text, language, intent, sentiment, false);
    }
  }

  private DataSet() {}

  /** The base set, every language, in a fixed order. */
  static List<Row> base() {
    List<Row> rows = new ArrayList<>();
    for (String lang : Lexicon.LANGUAGES) {
      rows.addAll(resource("base/" + lang + ".jsonl"));
    }
    return rows;
  }

  /** Rows of a resource beside this class, or none when it is absent. */
  static List<Row> resource(String path) {
    try (InputStream in = DataSet.class.getResourceAsStream(path)) {
      return in == null ? List.of() : read(in, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Row> read(InputStream in, String name) throws IOException {
    List<Row> rows = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int n = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        rows.add(row(Json.object(line)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(name + " line " + n + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static Row row(Map<String, Object> m) {
    Set<Urgency> urgency = EnumSet.noneOf(Urgency.class);
    if (m.get("urgency") instanceof List<?> flags) {
      for (Object f : flags) {
        urgency.add(Urgency.of(String.valueOf(f)));
      }
    }
    Object sentiment = m.get("sentiment");
    return new Row(
        (String) m.get("id"),
        (String) m.get("lang"),
        Intent.of((String) m.get("intent")),
        sentiment instanceof Double s ? s : null,
        urgency,
        (String) m.get("style"),
        (String) m.get("text"));
  }
}
