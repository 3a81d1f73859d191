package dev.caveat.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostAnalyzerUnitTest {

  private final PostAnalyzer analyzer = new PostAnalyzer();

  @AfterEach
  void close() {
    analyzer.close();
  }

  @Test
  void foldsCaseAndAccents() throws IOException {
    assertThat(tokens(PostDocuments.BODY, "Café CRÈME naïve"))
        .containsExactly("cafe", "creme", "naive");
  }

  @Test
  void splitsWordsJoinedByDotsButNotNumbers() throws IOException {
    assertThat(tokens(PostDocuments.BODY, "Comcast.net is v1.2, not 3.5"))
        .containsExactly("comcast", "net", "is", "v1", "2", "not", "3.5");
  }

  @Test
  void theBodyKeepsTheWordsOfAddresses() throws IOException {
    assertThat(tokens(PostDocuments.BODY, "write someone@comcast.net"))
        .containsExactly("write", "someone", "comcast", "net");
  }

  @Test
  void theAddressFreeBodyDropsAddressesWhicheverFieldWasCutFirst() throws IOException {
    tokens(PostDocuments.BODY, "warm up the body components first");
    assertThat(
            tokens(
                PostDocuments.BODY_WITHOUT_ADDRESSES,
                "Write someone@comcast.net or see https://comcast.example/x, Comcast"))
        .containsExactly("write", "or", "see", "comcast");
  }

  @Test
  void aDroppedAddressLeavesAGap() throws IOException {
    List<Integer> increments = new ArrayList<>();
    try (TokenStream stream =
        analyzer.tokenStream(PostDocuments.BODY_WITHOUT_ADDRESSES, "email a@b.com outage")) {
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        increments.add(increment.getPositionIncrement());
      }
      stream.end();
    }
    assertThat(increments).containsExactly(1, 2);
  }

  @Test
  void partsOfADottedWordPointAtTheirOwnCharacters() throws IOException {
    List<String> spans = new ArrayList<>();
    String text = "see forum.Example.com";
    try (TokenStream stream = analyzer.tokenStream(PostDocuments.BODY, text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        spans.add(text.substring(offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    }
    assertThat(spans).containsExactly("see", "forum", "Example", "com");
  }

  private List<String> tokens(String field, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }
}
