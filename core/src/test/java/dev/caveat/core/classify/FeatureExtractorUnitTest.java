package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureExtractorUnitTest {

  private static boolean sarcasm(String lang, String text) {
    Text t = TextScanner.scan(text);
    return FeatureExtractor.sarcasm(t, Lexicon.forLanguage(lang).match(t, new Hits()));
  }

  @Test
  void praiseRightBesideAProblemIsSarcasm() {
    assertThat(sarcasm("en", "great, another delay on the 7:42")).isTrue();
    assertThat(sarcasm("en", "love that my refund is still not here")).isTrue();
    assertThat(sarcasm("en", "service with a smile 🙃")).isTrue();
  }

  @Test
  void aProblemPutRightAndThenPraisedIsNot() {
    assertThat(
            sarcasm(
                "en",
                "The router was broken on Monday and I was without internet for two days. The"
                    + " engineer came on Wednesday. Great service."))
        .isFalse();
    assertThat(sarcasm("en", "Was delayed a bit. Lovely crew though")).isFalse();
  }
}
