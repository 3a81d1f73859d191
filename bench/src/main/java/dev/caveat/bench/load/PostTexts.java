package dev.caveat.bench.load;

import java.util.Random;

/**
 * What customers write about a company, made from parts so that no two posts read alike: an opening
 * complaint or question, the posts that follow it up, and posts that are not asking anything
 * (praise, chatter, spam, buying requests). Some are in German, French, Spanish or Dutch.
 */
final class PostTexts {

  /** What a post is written to be; the classifier has the last word on its intent. */
  enum Kind {
    COMPLAINT,
    QUESTION,
    FOLLOW_UP,
    CASUAL
  }

  private static final String[] PROBLEMS = {
    "keeps dropping every evening",
    "has been down since %time%",
    "is crawling at %n% Mbps instead of %m%",
    "reboots itself every few hours",
    "lost the connection again",
    "charged me twice this month",
    "sent me a bill for %amount% I never agreed to",
    "has no signal at all in %place%",
    "stopped working after the last update",
    "won't pair with my %device% anymore",
    "cut out in the middle of a video call again",
    "shows a red light and nothing works"
  };
  private static final String[] OPENERS = {
    "Seriously %brand%, my %product%",
    "Day %n% and my %brand% %product%",
    "@%brand% your %product%",
    "Third call this week and the %brand% %product%",
    "I'm done with %brand%: the %product%",
    "Not again. My %brand% %product%",
    "Hey %brand%, the %product% at my place",
    "So the %brand% %product%"
  };
  private static final String[] FRUSTRATION = {
    "Nobody at support can tell me why.",
    "Support hung up on me twice.",
    "I have been on hold for %n% minutes.",
    "This is the %nth% time this month.",
    "Working from home is impossible like this.",
    "I want a refund for the days without service.",
    "If this isn't fixed by %day% I'm cancelling.",
    "My kids can't even do their homework.",
    "Paying full price for half a service is a joke.",
    "The chat bot just sends me in circles."
  };
  private static final String[] TASKS = {
    "move my %product% to a new address",
    "change the wifi password on the %product%",
    "upgrade to %product%",
    "get a copy of my last bill",
    "add a second line to my account",
    "pause my contract while I'm abroad",
    "set up the %product% with my own router",
    "return the old %device%",
    "change the date my bill is paid",
    "turn off the automatic updates on the %product%"
  };
  private static final String[] ASKS = {
    "How do I %task%?",
    "Can I %task% without calling?",
    "Does anyone know how to %task%?",
    "Is there a way to %task% in the app?",
    "What is the fastest way to %task%?"
  };
  private static final String[] QUESTION_CONTEXT = {
    "I'm moving on %day%.",
    "The app only shows error %code%.",
    "The help pages don't mention it.",
    "I'm on the %plan% plan.",
    "Asking for my parents, they are not online much."
  };
  private static final String[] FOLLOW_UPS = {
    "Still no fix from %brand%. %detail%",
    "Any update on this? It has been %n% hours and the %product% %problem%.",
    "Thanks for the reply, but the %product% %problem%.",
    "I sent you my account number in a message, %detail%",
    "Tried what you said with the %product%, it %problem% again.",
    "It worked for a day and now the %product% %problem%.",
    "The engineer is booked for %day% then, fingers crossed. %detail%",
    "Thanks %brand%, that sorted the %product% out!",
    "Still waiting to hear back about the %product%, %detail%",
    "OK the reset helped for now. %detail%"
  };
  private static final String[] CASUAL = {
    "Shout out to %brand% support, the %product% was fixed within the hour.",
    "The new %brand% %product% is honestly great, fast and quiet.",
    "Switched to %brand% %n% months ago and never looked back.",
    "%brand% ad on TV again tonight, the one with the dog.",
    "Saw a %brand% van in %place% today, they must be laying fibre.",
    "Win a free %brand% %product% now!!! Click %link% before midnight",
    "Cheap %brand% accounts for sale, message me %link%",
    "Looking for a %brand% installer in %place% to set up a %product%, budget %amount%.",
    "Great speeds on the %brand% %product% this weekend, streaming in 4K all day.",
    "Reading that %brand% plans new prices next year."
  };
  private static final String[][] FOREIGN = {
    {"de", "Mein %brand% %product% ist seit %time% tot und die Hotline legt einfach auf."},
    {"de", "Schon wieder kein Internet von %brand%, der %product% blinkt nur rot. Eine Frechheit."},
    {"fr", "Mon %product% %brand% ne marche plus depuis %time%, le support ne répond pas."},
    {"fr", "Encore une coupure chez %brand%, c'est la troisième fois cette semaine."},
    {"es", "Mi %product% de %brand% no funciona desde %time% y nadie del soporte contesta."},
    {"nl", "Mijn %brand% %product% doet het al sinds %time% niet en de klantenservice hangt op."}
  };
  private static final String[] DETAILS = {
    "Ticket %ticket%.",
    "Account ending %n4%.",
    "Order #%n5%.",
    "Postcode %pc%.",
    "Tried a factory reset, no change.",
    "The light on the %device% is blinking %color%.",
    "An engineer was booked for %day% and nobody came.",
    "Neighbours in %place% have the same problem.",
    "Speed test says %n% Mbps.",
    "Already replaced the cable myself."
  };
  private static final String[] PLACES = {
    "Leeds", "Harrow", "the back bedroom", "Bristol", "Camden", "Didsbury", "Aberdeen", "Kingston",
    "Hove", "Salford", "Cardiff", "York", "Norwich", "Bath", "Ealing", "Derby"
  };
  private static final String[] DEVICES = {
    "router", "modem", "set-top box", "laptop", "phone", "smart TV", "mesh point", "printer"
  };
  private static final String[] DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "the weekend", "tomorrow"
  };
  private static final String[] TIMES = {
    "7am", "yesterday", "last night", "Sunday", "lunchtime", "the storm", "two days", "noon"
  };
  private static final String[] COLORS = {"orange", "red", "white", "blue", "green"};
  private static final String[] PLANS = {"Basic", "Plus", "Family", "Pro", "Student"};
  private static final String[] NTH = {"second", "third", "fourth", "fifth"};

  private PostTexts() {}

  static String write(Kind kind, Random random, String brand, String product) {
    String text =
        switch (kind) {
          case COMPLAINT ->
              random.nextInt(12) == 0
                  ? pick(random, FOREIGN)[1]
                  : pick(random, OPENERS)
                      + " "
                      + pick(random, PROBLEMS)
                      + ". "
                      + pick(random, FRUSTRATION)
                      + " "
                      + pick(random, DETAILS);
          case QUESTION ->
              pick(random, ASKS).replace("%task%", pick(random, TASKS))
                  + " "
                  + pick(random, QUESTION_CONTEXT)
                  + " "
                  + brand
                  + " "
                  + pick(random, DETAILS);
          case FOLLOW_UP ->
              pick(random, FOLLOW_UPS)
                  .replace("%detail%", pick(random, DETAILS))
                  .replace("%problem%", pick(random, PROBLEMS));
          case CASUAL -> pick(random, CASUAL);
        };
    return fill(text, random, brand, product);
  }

  private static final String[] REPLIES = {
    "Sorry about this, %first%. I've checked your line and reset the port; the %product% should be"
        + " back within the hour.",
    "Thanks for your patience, %first%. An engineer is booked for %day%, you'll get a text.",
    "Hi %first%, I've refunded the duplicate charge, it shows in 3 to 5 days.",
    "%first%, could you restart the %product% once more and tell me the light colour?",
    "Hi %first%, here's how: open the app, Settings, then %product%. Shout if it's stuck."
  };

  /** A rep's public answer to a customer. */
  static String reply(Random random, String first, String product) {
    return fill(pick(random, REPLIES).replace("%first%", first), random, "", product);
  }

  private static String fill(String text, Random random, String brand, String product) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf('%', i);
      int end = start < 0 ? -1 : text.indexOf('%', start + 1);
      if (start < 0 || end < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      out.append(slot(text.substring(start + 1, end), random, brand, product));
      i = end + 1;
    }
    return out.toString();
  }

  private static String slot(String name, Random random, String brand, String product) {
    return switch (name) {
      case "brand" -> brand;
      case "product" -> product;
      case "time" -> pick(random, TIMES);
      case "n" -> Integer.toString(2 + random.nextInt(90));
      case "m" -> Integer.toString(100 + random.nextInt(900));
      case "amount" -> "£" + (20 + random.nextInt(400)) + "." + (10 + random.nextInt(90));
      case "place" -> pick(random, PLACES);
      case "device" -> pick(random, DEVICES);
      case "nth" -> pick(random, NTH);
      case "day" -> pick(random, DAYS);
      case "code" -> "E" + (100 + random.nextInt(900));
      case "plan" -> pick(random, PLANS);
      case "ticket" -> "#" + (100_000 + random.nextInt(900_000));
      case "n4" -> Integer.toString(1000 + random.nextInt(9000));
      case "n5" -> Integer.toString(10_000 + random.nextInt(90_000));
      case "pc" ->
          (char) ('A' + random.nextInt(26))
              + ""
              + (char) ('A' + random.nextInt(26))
              + (1 + random.nextInt(20))
              + " "
              + (1 + random.nextInt(9))
              + (char) ('A' + random.nextInt(26))
              + (char) ('A' + random.nextInt(26));
      case "color" -> pick(random, COLORS);
      case "link" -> "https://bit.ly/" + Integer.toString(random.nextInt(1 << 30), 36);
      default -> "%" + name + "%";
    };
  }

  private static <T> T pick(Random random, T[] options) {
    return options[random.nextInt(options.length)];
  }
}
