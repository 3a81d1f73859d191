package dev.caveat.listening;

import dev.caveat.core.classify.Classification;

/**
 * The classifier in use (retrained and rolled back with the mentions'), for text that reaches a
 * company without being a post, such as an e-mail to its care address.
 */
public interface TextClassifier {

  Classification classify(String title, String text);
}
