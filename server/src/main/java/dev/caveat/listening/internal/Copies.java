package dev.caveat.listening.internal;

import dev.caveat.core.dedup.DuplicateDetector;
import dev.caveat.core.dedup.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which cluster of copies a post belongs to. The memory lives in the process; at start it is filled
 * again from the newest stored posts, so copies of what came just before a restart are still known
 * as copies.
 */
@Component
class Copies implements SmartInitializingSingleton {

  static final int MIN_WORDS_TO_COPY = 8;
  private static final Logger log = LoggerFactory.getLogger(Copies.class);

  private final DuplicateDetector detector;
  private final Posts posts;
  private final int warmup;

  Copies(
      Posts posts,
      @Value("${caveat.listening.dedup.capacity:200000}") int capacity,
      @Value("${caveat.listening.dedup.warmup:50000}") int warmup) {
    this.detector = new DuplicateDetector(capacity);
    this.posts = posts;
    this.warmup = warmup;
  }

  @Override
  public void afterSingletonsInstantiated() {
    var remembered = posts.newest(warmup);
    for (Posts.Remembered post : remembered) {
      detector.observe(post.cluster(), post.text());
    }
    log.info("Remembering {} clusters of copies", detector.remembered());
  }

  /**
   * The cluster the post joins: its own key when it starts one. Short posts always start their own:
   * two customers who each write "my internet is down" are two people to help, not a copy.
   */
  String clusterOf(PostKeys.Key key, String text) {
    if (words(text) < MIN_WORDS_TO_COPY) {
      return key.cluster();
    }
    Verdict verdict = detector.observe(key.cluster(), text);
    return verdict.clusterId();
  }

  private static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
