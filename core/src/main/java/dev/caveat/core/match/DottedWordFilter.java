package dev.caveat.core.match;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits words joined by dots into their parts: Unicode word boundaries keep "comcast.net" whole,
 * yet people name a brand by its domain, and a monitor for "comcast" should hear them. Numbers such
 * as "3.5" stay whole. A query analysed the same way becomes a phrase of the parts, so
 * "comcast.net" in a query still finds exactly "comcast.net".
 */
final class DottedWordFilter extends TokenFilter {

  private static final String WORD = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private char[] word = new char[64];
  private int wordLength;
  private int next;
  private int startOffset;
  private boolean exactOffsets;

  DottedWordFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < wordLength) {
      emitPart(1);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!type.type().equals(WORD) || !hasDot(term.buffer(), term.length())) {
      return true;
    }
    wordLength = term.length();
    if (word.length < wordLength) {
      word = new char[wordLength];
    }
    System.arraycopy(term.buffer(), 0, word, 0, wordLength);
    next = 0;
    startOffset = offset.startOffset();
    exactOffsets = offset.endOffset() - startOffset == wordLength;
    emitPart(increment.getPositionIncrement());
    return true;
  }

  /** Emits the part starting at {@code next}; the tokenizer never puts two dots side by side. */
  private void emitPart(int positionIncrement) {
    int end = next;
    while (end < wordLength && word[end] != '.') {
      end++;
    }
    term.copyBuffer(word, next, end - next);
    increment.setPositionIncrement(positionIncrement);
    if (exactOffsets) {
      offset.setOffset(startOffset + next, startOffset + end);
    }
    next = end + 1;
  }

  private static boolean hasDot(char[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '.') {
        return true;
      }
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    wordLength = 0;
    next = 0;
  }
}
