package dev.caveat.core.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The folded words of a query's text, cut exactly as the post body is cut, whichever field the
 * words are then looked for in. Analyzers are safe to share between threads.
 */
final class QueryText {

  private static final Analyzer ANALYZER = new PostAnalyzer();

  /** A brand's words recur in every monitor of its company; one copy of each is enough. */
  private static final Interner<String> WORDS = new Interner<>();

  private QueryText() {}

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream(PostDocuments.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(WORDS.intern(term.toString()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
