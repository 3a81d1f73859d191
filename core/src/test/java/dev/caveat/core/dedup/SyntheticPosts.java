package dev.caveat.core.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Made-up customer posts about made-up brands, built from shared fragments so that unrelated posts
 * overlap the way real complaints do ("@northwindhelp my internet is down since Monday"), and the
 * light edits that copies of a post go through.
 */
final class SyntheticPosts {

  static final List<String> BRANDS =
      List.of("northwind", "contoso", "fabrikam", "tailspin", "wingtip", "litware");

  private static final List<String> OPENERS =
      List.of(
          "my internet is down",
          "my bill is wrong again",
          "still waiting on my refund",
          "the app keeps crashing",
          "no mobile signal at all",
          "been on hold for over an hour",
          "my order never arrived",
          "the new router is useless",
          "charged twice for the same month",
          "the website will not let me log in",
          "my parcel was left in the rain",
          "engineer did not turn up");
  private static final List<String> WHEN =
      List.of(
          "since Monday",
          "for three days now",
          "since 6am",
          "all weekend",
          "every evening this week",
          "since the outage on Friday",
          "for the second time this month",
          "since I moved house",
          "after the last update",
          "since before Christmas");
  private static final List<String> PLACES =
      List.of(
          "Leeds", "Bristol", "Cardiff", "Glasgow", "Norwich", "Exeter", "York", "Derby", "Hull",
          "Bath", "Dundee", "Preston");
  private static final List<String> ACTIONS =
      List.of(
          "I restarted the router twice and nothing changed",
          "support told me to wait another 48 hours",
          "the chat bot just sends me in circles",
          "nobody answers the phone after five",
          "the tracking page says delivered but it is not here",
          "they closed my ticket without fixing anything",
          "I was promised a call back that never came",
          "the shop sent me to the website and the website sent me to the shop",
          "three different agents gave me three different answers",
          "the status page claims everything is fine",
          "I have reset my password four times",
          "the engineer slot was cancelled by text at 7am");
  private static final List<String> IMPACTS =
      List.of(
          "working from home is impossible",
          "the kids cannot do their homework",
          "I missed a client call because of this",
          "my elderly mum is cut off",
          "I am paying for a service I do not get",
          "I had to take a day off work",
          "my small business is losing orders",
          "");
  private static final List<String> ASKS =
      List.of(
          "can someone actually call me back?",
          "when will this be fixed?",
          "I want compensation for the days without service.",
          "how is this acceptable?",
          "please sort it out.",
          "is anyone else having this?",
          "considering switching provider at this point.",
          "");
  private static final List<String> TAGS =
      List.of("#fail", "#customerservice", "#outage", "#nothappy", "#help", "#broadband");
  private static final List<String> COMMENTS =
      List.of(
          "Same here 😡",
          "This!!",
          "Exactly my experience.",
          "Not just you.",
          "Can confirm.",
          "Sounds familiar 🙄");

  private SyntheticPosts() {}

  /** {@code count} posts, each from its own choice of fragments and numbers. */
  static List<String> bases(Random random, int count) {
    List<String> posts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String brand = pick(random, BRANDS);
      StringBuilder post = new StringBuilder();
      if (random.nextBoolean()) {
        post.append('@').append(brand).append("help ");
      }
      post.append(pick(random, OPENERS))
          .append(' ')
          .append(pick(random, WHEN))
          .append(" here in ")
          .append(pick(random, PLACES))
          .append(". ");
      if (random.nextInt(3) == 0) {
        // The short kind: a complaint and a question, like most posts.
        posts.add(post.append(pick(random, ASKS)).toString().strip());
        continue;
      }
      post.append(pick(random, ACTIONS))
          .append(", ticket ")
          .append(100_000 + random.nextInt(900_000))
          .append(". ")
          .append(pick(random, IMPACTS))
          .append(' ')
          .append(pick(random, ASKS));
      if (random.nextInt(3) == 0) {
        post.append(" https://")
            .append(brand)
            .append(".example/status/")
            .append(random.nextInt(10_000))
            .append("?utm_source=twitter");
      }
      posts.add(post.toString().replaceAll(" +", " ").strip());
    }
    return posts;
  }

  /** A light edit that leaves a post recognisably the same post. */
  record Mutation(String name, BiFunction<String, Random, String> apply) {}

  static final List<Mutation> LIGHT_MUTATIONS =
      List.of(
          new Mutation("retweet", (text, r) -> "RT @fan" + r.nextInt(1000) + ": " + text),
          new Mutation("via", (text, r) -> text + " via @reader" + r.nextInt(1000)),
          new Mutation("hashtag", (text, r) -> text + " " + pick(r, TAGS)),
          new Mutation("quote", (text, r) -> pick(r, COMMENTS) + " " + text),
          new Mutation("place", SyntheticPosts::otherPlace),
          new Mutation("tracking", SyntheticPosts::otherTracking),
          new Mutation("shouting", (text, r) -> text.toUpperCase(java.util.Locale.ROOT) + "!!!"),
          new Mutation("typo", SyntheticPosts::typo));

  private static String otherPlace(String text, Random random) {
    for (String place : PLACES) {
      if (text.contains(" " + place + ".")) {
        String other = place;
        while (other.equals(place)) {
          other = pick(random, PLACES);
        }
        return text.replace(" " + place + ".", " " + other + ".");
      }
    }
    throw new IllegalArgumentException("no place in " + text);
  }

  private static String otherTracking(String text, Random random) {
    String tracking = "?utm_source=fb&utm_medium=social&fbclid=IwAR" + random.nextInt(1_000_000);
    return text.contains("?utm_source=twitter")
        ? text.replace("?utm_source=twitter", tracking)
        : text + " https://status.example/live" + tracking;
  }

  private static String typo(String text, Random random) {
    String[] words = text.split(" ");
    for (int attempt = 0; attempt < 100; attempt++) {
      int i = random.nextInt(words.length);
      if (words[i].length() > 4 && words[i].chars().allMatch(Character::isLetter)) {
        int at = 1 + random.nextInt(words[i].length() - 2);
        words[i] = words[i].substring(0, at) + words[i].substring(at + 1);
        return String.join(" ", words);
      }
    }
    throw new IllegalArgumentException("no word to misspell in " + text);
  }

  /** A post that shares no word with the post of any other number: made-up words. */
  static String distinct(int number) {
    Random random = new Random(number);
    StringBuilder text = new StringBuilder("post ").append(number);
    for (int word = 0; word < 12; word++) {
      text.append(' ');
      for (int letter = 0; letter < 6; letter++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
    }
    return text.toString();
  }

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
