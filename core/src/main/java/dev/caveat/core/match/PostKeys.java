package dev.caveat.core.match;

import dev.caveat.core.post.Post;
import dev.caveat.core.query.QueryField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A post as a bag of keys for the first pass: its body words as they are, and its author words,
 * sites and language as field keys. A field key starts with a character no folded word starts with,
 * so a body prefix never reaches into the fields.
 */
final class PostKeys {

  private static final char FIELD_MARK = '\u0000';

  private PostKeys() {}

  /** The key for a value of {@code author:}, {@code site:} or {@code lang:}, as the post has it. */
  static String field(QueryField field, String value) {
    return FIELD_MARK + field.keyword() + ":" + value;
  }

  static boolean isField(String key) {
    return !key.isEmpty() && key.charAt(0) == FIELD_MARK;
  }

  /** For messages and tests: "author:bryce" rather than the marked key. */
  static String readable(String key) {
    return isField(key) ? key.substring(1) : key;
  }

  static Set<String> of(Post post, Analyzer analyzer) {
    Set<String> keys = new HashSet<>();
    words(analyzer, body(post), keys, "");
    if (post.author() != null) {
      String author = FIELD_MARK + QueryField.AUTHOR.keyword() + ":";
      words(analyzer, post.author().handle(), keys, author);
      words(analyzer, post.author().name(), keys, author);
    }
    for (String site : Sites.of(post.url())) {
      keys.add(field(QueryField.SITE, site));
    }
    if (post.language() != null) {
      keys.add(field(QueryField.LANG, post.language().toLowerCase(Locale.ROOT)));
    }
    return keys;
  }

  static String body(Post post) {
    if (post.title() == null) {
      return post.text();
    }
    return post.text() == null ? post.title() : post.title() + "\n" + post.text();
  }

  private static void words(Analyzer analyzer, String text, Set<String> keys, String mark) {
    if (text == null) {
      return;
    }
    try (TokenStream tokens = analyzer.tokenStream(PostDocuments.BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        keys.add(mark.isEmpty() ? term.toString() : mark + term);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
