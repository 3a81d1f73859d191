package dev.caveat.bench.load;

import dev.caveat.core.classify.Classification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Who wrote what and when, before any row is written: customers and their identities, the cases
 * with their mentions over months, and the posts that ask for nothing. Times are epoch millis.
 */
final class InboxShape {

  static final long MINUTE = 60_000;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  /** Where customers write, with the share of posts each source carries. */
  static final String[] SOURCES = {"mastodon-social", "bluesky", "community", "reddit", "blogs"};

  private static final int[] SOURCE_WEIGHTS = {30, 25, 20, 15, 10};

  static final String[] FIRST =
      "Maria James Aisha Tom Priya Lukas Chloe Omar Sofia Jack Mei Liam Noor David Elena Sam Grace Ahmed Lucy Ivan Hannah Kofi Zara Ben Nina Raj Emma Yusuf Julia Mark Amara Leon Ruth Felix Asha Carl Ines Pete Lola Hugo"
          .split(" ");
  static final String[] LAST =
      "Kowalski Smith Khan Brown Patel Meyer Martin Haddad Rossi Walsh Chen Byrne Ali Evans Petrova Green Obi Hussein Clarke Novak Fischer Mensah Ahmed Cole Larsen Shah Taylor Demir Weber Hughes"
          .split(" ");

  static final class Customer {
    final int tenant;
    final String name;
    final List<Identity> identities = new ArrayList<>();
    long id;
    long createdAt = Long.MAX_VALUE;
    int lastRep = -1;

    Customer(int tenant, String name) {
      this.tenant = tenant;
      this.name = name;
    }
  }

  static final class Identity {
    final Customer customer;
    final String source;
    final String handle;
    long id;

    Identity(Customer customer, String source, String handle) {
      this.customer = customer;
      this.source = source;
      this.handle = handle;
    }
  }

  /** A post that a company's monitor matched; {@code kase} is null for one that asks nothing. */
  static final class Mention {
    final int tenant;
    final long postedAt;
    final long foundAt;
    final Identity author;
    final Case kase;
    final String how;
    long id;
    String text;
    Classification labels;

    Mention(int tenant, long postedAt, long foundAt, Identity author, Case kase, String how) {
      this.tenant = tenant;
      this.postedAt = postedAt;
      this.foundAt = foundAt;
      this.author = author;
      this.kase = kase;
      this.how = how;
    }
  }

  static final class Case {
    final int tenant;
    final long openedAt;
    final long resolvedAt;
    final List<Mention> mentions = new ArrayList<>();
    Customer customer;
    long id;
    String number;
    String code;
    String team;
    String routedBy;
    int rep = -1;
    String assignedWhy;
    int repOpenCases;

    Case(int tenant, long openedAt, long resolvedAt) {
      this.tenant = tenant;
      this.openedAt = openedAt;
      this.resolvedAt = resolvedAt;
    }

    boolean resolved() {
      return resolvedAt > 0;
    }

    Mention opening() {
      return mentions.getFirst();
    }
  }

  final List<Customer> customers = new ArrayList<>();
  final List<Case> cases = new ArrayList<>();
  final List<Mention> mentions = new ArrayList<>();
  final long now;
  final long since;
  private final Random random;
  private long handles;

  InboxShape(long now, long span, long seed) {
    this.now = now;
    this.since = now - span;
    this.random = new Random(seed);
  }

  /**
   * The cases and mentions of one company: {@code caseCount} cases that hold most of the {@code
   * mentionCount} mentions, several each; the rest ask for nothing.
   */
  void company(int tenant, int caseCount, int mentionCount) {
    List<Case> opened = new ArrayList<>(caseCount);
    for (int i = 0; i < caseCount; i++) {
      long at = since + (long) (random.nextDouble() * (now - since - 10 * MINUTE));
      long lifetime = lifetime();
      opened.add(new Case(tenant, at, lifetime > 0 && at + lifetime < now ? at + lifetime : 0));
    }
    opened.sort(Comparator.comparingLong(c -> c.openedAt));
    int inCases =
        Math.min(mentionCount, Math.max(caseCount, (int) Math.round(mentionCount * 0.85)));
    int[] counts = counts(caseCount, inCases);
    // Customers come back: a third of new cases belong to someone whose earlier case is resolved.
    PriorityQueue<Case> busy = new PriorityQueue<>(Comparator.comparingLong(c -> c.resolvedAt));
    List<Customer> free = new ArrayList<>();
    for (int i = 0; i < opened.size(); i++) {
      Case kase = opened.get(i);
      while (!busy.isEmpty() && busy.peek().resolvedAt < kase.openedAt) {
        free.add(busy.poll().customer);
      }
      if (!free.isEmpty() && random.nextInt(3) == 0) {
        kase.customer = free.remove(random.nextInt(free.size()));
      } else {
        kase.customer = customer(tenant, random.nextInt(10) == 0 ? 2 : 1);
      }
      if (kase.resolved()) {
        busy.add(kase);
      }
      storyOf(kase, counts[i]);
      cases.add(kase);
    }
    // Posts that ask for nothing: two in five by regulars, the rest by people who write once.
    List<Customer> regulars = new ArrayList<>();
    int casual = mentionCount - inCases;
    int regularsWanted = Math.max(20, casual / 40);
    for (int i = 0; i < casual; i++) {
      Customer author;
      if (!regulars.isEmpty() && random.nextInt(5) < 2) {
        author = pick(regulars);
      } else {
        author = customer(tenant, 1);
        if (regulars.size() < regularsWanted) {
          regulars.add(author);
        }
      }
      long posted = since + (long) (random.nextDouble() * (now - since - 10 * MINUTE));
      mention(tenant, posted, pickIdentity(author), null, null);
    }
  }

  /** The posts of a case: the one that opened it, then the customer's follow-ups until it ended. */
  private void storyOf(Case kase, int count) {
    long end = kase.resolved() ? kase.resolvedAt : now;
    Identity first = pickIdentity(kase.customer);
    // Filed right after intake: the case opens with its first mention.
    long found = kase.openedAt - 40;
    long posted = found - latency();
    kase.mentions.add(mention(kase.tenant, posted, first, kase, "opened"));
    long[] times = new long[count - 1];
    for (int i = 0; i < times.length; i++) {
      times[i] = kase.openedAt + 1 + (long) (random.nextDouble() * (end - kase.openedAt - 2));
    }
    java.util.Arrays.sort(times);
    for (long at : times) {
      boolean quoted = random.nextInt(100) == 0;
      Identity author =
          quoted ? pickIdentity(customer(kase.tenant, 1)) : pickIdentity(kase.customer);
      long postedAt = Math.max(kase.openedAt, at - latency());
      kase.mentions.add(
          mentionFound(kase.tenant, postedAt, at, author, kase, quoted ? "quoted" : "follow-up"));
    }
  }

  private Mention mention(int tenant, long posted, Identity author, Case kase, String how) {
    return mentionFound(tenant, posted, posted + latency(), author, kase, how);
  }

  private Mention mentionFound(
      int tenant, long posted, long found, Identity author, Case kase, String how) {
    Mention m = new Mention(tenant, posted, Math.min(found, now - 1), author, kase, how);
    mentions.add(m);
    Customer c = author.customer;
    c.createdAt = Math.min(c.createdAt, m.foundAt);
    return m;
  }

  /** How long a case stays unresolved: hours mostly, weeks for some, and a few are never done. */
  private long lifetime() {
    int roll = random.nextInt(100);
    if (roll < 75) {
      return logUniform(30 * MINUTE, 4 * DAY);
    }
    if (roll < 99) {
      return logUniform(4 * DAY, 20 * DAY);
    }
    return -1;
  }

  /** From a post's publication to its arrival: seconds for streams, minutes for polled feeds. */
  private long latency() {
    return logUniform(2_000, 15 * MINUTE);
  }

  long logUniform(long low, long high) {
    return (long) Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
  }

  /**
   * Mentions per case: a few for most, dozens for some, {@code total} in all, at least one each.
   */
  private int[] counts(int cases, int total) {
    int[] counts = new int[cases];
    double mean = Math.max(0, (double) total / Math.max(1, cases) - 1);
    long sum = 0;
    for (int i = 0; i < cases; i++) {
      counts[i] = 1 + (int) Math.min(80, Math.round(-mean * Math.log(1 - random.nextDouble())));
      sum += counts[i];
    }
    while (sum != total && cases > 0) {
      int i = random.nextInt(cases);
      if (sum < total) {
        counts[i]++;
        sum++;
      } else if (counts[i] > 1) {
        counts[i]--;
        sum--;
      }
    }
    return counts;
  }

  private Customer customer(int tenant, int identities) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    Customer c = new Customer(tenant, first + " " + last);
    List<String> sources = new ArrayList<>(List.of(SOURCES));
    for (int i = 0; i < identities; i++) {
      String source = i == 0 ? source() : sources.get(random.nextInt(sources.size()));
      sources.remove(source);
      String handle =
          (first + "_" + last.charAt(0) + Long.toString(handles++, 36)).toLowerCase()
              + (source.equals("bluesky") ? ".bsky.social" : "");
      c.identities.add(new Identity(c, source, handle));
    }
    customers.add(c);
    return c;
  }

  private String source() {
    int roll = random.nextInt(100);
    for (int i = 0; i < SOURCES.length; i++) {
      roll -= SOURCE_WEIGHTS[i];
      if (roll < 0) {
        return SOURCES[i];
      }
    }
    return SOURCES[0];
  }

  private Identity pickIdentity(Customer c) {
    return c.identities.get(random.nextInt(c.identities.size()));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
