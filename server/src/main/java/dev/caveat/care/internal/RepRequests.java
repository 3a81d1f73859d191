package dev.caveat.care.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer asking for a rep by name in what they write. Two plain English phrasings count: "ask
 * for Ana" (also "asking for", "asked for") and "I'd like Ana to help" (also "I would like"). The
 * name is one or two capitalised words, so "ask for a refund" asks for nobody.
 */
final class RepRequests {

  private static final String NAME = "(\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}[\\p{L}'-]*)?)";

  private static final Pattern ASK_FOR =
      Pattern.compile("(?iu:\\bask(?:ing|ed)?\\s+for)\\s+" + NAME);

  private static final Pattern LIKE_TO_HELP =
      Pattern.compile("(?iu:\\bI(?:['’]d| would)\\s+like)\\s+" + NAME + "(?iu:\\s+to\\s+help)");

  private RepRequests() {}

  /** The name the text asks for, if it asks for one. */
  static Optional<String> askedFor(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Pattern pattern : new Pattern[] {ASK_FOR, LIKE_TO_HELP}) {
      Matcher matcher = pattern.matcher(text);
      if (matcher.find()) {
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }
}
