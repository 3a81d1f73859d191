package dev.caveat.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Fills a data directory for the inbox load run. Caveat starts once on it so that Flyway makes the
 * schema; the companies, reps, tokens, teams, routing and SLAs are made through the API; then the
 * months of posts, mentions, customers and cases go straight into the tables with COPY, as the rows
 * the application writes, and Caveat stops. Its next start indexes the mentions for search.
 */
final class InboxSeed {

  static final String MARKER = "inbox-seed.properties";
  static final long SPAN = 180 * InboxShape.DAY;

  private InboxSeed() {}

  static boolean seeded(Path dataDir) {
    return Files.exists(dataDir.resolve(MARKER));
  }

  static Properties marker(Path dataDir) throws Exception {
    Properties p = new Properties();
    try (var in = Files.newInputStream(dataDir.resolve(MARKER))) {
      p.load(in);
    }
    return p;
  }

  static void seed(Path jar, Path dataDir, String heap, int mentions, int cases, int reps)
      throws Exception {
    if (Files.exists(dataDir.resolve("postgres"))) {
      throw new IllegalStateException(
          dataDir + " holds a database that was not seeded to the end; remove it and start again");
    }
    long started = System.nanoTime();
    System.out.printf(
        "Seeding %s: %,d mentions, %,d cases, %d reps%n", dataDir, mentions, cases, reps);
    try (CaveatProcess caveat =
        CaveatProcess.start(
            jar,
            heap,
            EndToEndLoad.TOKEN,
            dataDir,
            List.of(),
            // No SLA ticks while rows arrive: the seeded clocks are settled as of the seeding.
            List.of("--caveat.care.sla.tick=1d"),
            Duration.ofMinutes(5))) {
      Http operator = new Http(caveat.port, EndToEndLoad.TOKEN);
      List<InboxTenants.Tenant> tenants = InboxTenants.create(operator, reps);
      InboxTenants.save(dataDir, tenants);
      System.out.printf(
          "  companies, reps and their tokens through the API: %.0f s%n", since(started));
      try (Connection db = Postgres.connect(dataDir)) {
        try (Statement s = db.createStatement();
            ResultSet rs = s.executeQuery("select count(*) from mention")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            throw new IllegalStateException("the database has mentions already");
          }
        }
        long now = System.currentTimeMillis();
        InboxShape shape = new InboxShape(now, SPAN, 42);
        int casesLeft = cases;
        int mentionsLeft = mentions;
        for (int i = 0; i < tenants.size(); i++) {
          boolean last = i == tenants.size() - 1;
          int c = last ? casesLeft : (int) Math.round(cases * tenants.get(i).share());
          int m = last ? mentionsLeft : (int) Math.round(mentions * tenants.get(i).share());
          shape.company(i, c, m);
          casesLeft -= c;
          mentionsLeft -= m;
        }
        InboxRows rows = new InboxRows(db, tenants, now, 7);
        rows.labelOpenings(shape);
        InboxRouting.route(shape, tenants);
        System.out.printf(
            "  shape: %,d customers, %,d cases, %,d mentions: %.0f s%n",
            shape.customers.size(), shape.cases.size(), shape.mentions.size(), since(started));
        rows.write(shape);
        Postgres.trackStatementsFromNextStart(db);
        System.out.printf("  rows written and analysed: %.0f s%n", since(started));
        for (String line : Postgres.sizes(db)) {
          System.out.println("  " + line);
        }
      }
    }
    Properties p = new Properties();
    p.setProperty("mentions", Integer.toString(mentions));
    p.setProperty("cases", Integer.toString(cases));
    p.setProperty("reps", Integer.toString(reps));
    p.setProperty("seededAt", java.time.Instant.now().toString());
    try (var out = Files.newOutputStream(dataDir.resolve(MARKER))) {
      p.store(out, "inbox load run data");
    }
    System.out.printf("Seeded in %.0f s%n", since(started));
  }

  private static double since(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
