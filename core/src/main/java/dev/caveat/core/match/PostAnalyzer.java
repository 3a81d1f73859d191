package dev.caveat.core.match;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analyzer for posts and queries alike: Unicode word boundaries, words joined by dots split
 * apart, then case and accent folding, so "Café" in a query finds "cafe" in a post and the reverse.
 * The address-free body is cut the same way except that e-mail addresses and web addresses are left
 * out, leaving a gap so no phrase spans where they stood.
 */
public final class PostAnalyzer extends Analyzer {

  private static final Set<String> ADDRESSES =
      Set.of(
          UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.EMAIL],
          UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.URL]);

  /** Keeps a phrase from running from an author's handle into their name. */
  private static final int GAP_BETWEEN_VALUES = 100;

  /** Fields are cut differently, so each needs its own components, not one set shared by all. */
  public PostAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    if (PostDocuments.BODY_WITHOUT_ADDRESSES.equals(fieldName)) {
      Tokenizer source = new UAX29URLEmailTokenizer();
      TokenStream words = new TypeTokenFilter(source, ADDRESSES);
      return new TokenStreamComponents(source, fold(new DottedWordFilter(words)));
    }
    Tokenizer source = new StandardTokenizer();
    return new TokenStreamComponents(source, fold(new DottedWordFilter(source)));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return fold(in);
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return GAP_BETWEEN_VALUES;
  }

  private static TokenStream fold(TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
