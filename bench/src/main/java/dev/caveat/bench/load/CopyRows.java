package dev.caveat.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;

/** Rows of one table in PostgreSQL's COPY text format, sent in large pieces. */
final class CopyRows {

  private static final int FLUSH_AT = 4 << 20;

  private final String sql;
  private final StringBuilder rows = new StringBuilder(1 << 16);
  private long count;

  /** {@code table} with its column list, such as {@code post (id, source)}. */
  CopyRows(String table) {
    this.sql = "copy " + table + " from stdin";
  }

  CopyRows row(Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        rows.append('\t');
      }
      value(values[i]);
    }
    rows.append('\n');
    count++;
    return this;
  }

  long count() {
    return count;
  }

  /** Whether enough rows wait to be worth a round trip. */
  boolean full() {
    return rows.length() >= FLUSH_AT;
  }

  /** Sends the rows buffered in one COPY, then starts afresh. */
  void send(Connection connection) throws SQLException, IOException {
    if (rows.isEmpty()) {
      return;
    }
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    rows.setLength(0);
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(sql, new java.io.ByteArrayInputStream(bytes));
  }

  private void value(Object value) {
    switch (value) {
      case null -> rows.append("\\N");
      case Instant at -> rows.append(at);
      case Boolean b -> rows.append(b ? 't' : 'f');
      case List<?> list -> escape(array(list));
      default -> escape(value.toString());
    }
  }

  /** A text[] literal with every element quoted. */
  private static String array(List<?> values) {
    StringBuilder array = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        array.append(',');
      }
      array.append('"');
      String v = values.get(i).toString();
      for (int c = 0; c < v.length(); c++) {
        char ch = v.charAt(c);
        if (ch == '"' || ch == '\\') {
          array.append('\\');
        }
        array.append(ch);
      }
      array.append('"');
    }
    return array.append('}').toString();
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(c);
      }
    }
  }
}
