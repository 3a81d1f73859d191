package dev.caveat.core.classify;

/** Which code points are emoji (pictographs and dingbats), as one token each. */
final class Emoji {

  private Emoji() {}

  static boolean is(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2B00 && cp <= 0x2BFF)
        || (cp >= 0x2190 && cp <= 0x21FF)
        || (cp >= 0x2300 && cp <= 0x23FF);
  }
}
