package dev.caveat.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The companies of the inbox load run, set up through the API as an operator and their admins
 * would: one large company holding most of the data and a few small ones beside it, each with a
 * brand monitor, products, teams with a lead, reps with their own tokens, routing and an SLA. What
 * the run needs again later (reps and their tokens) is kept in the data directory.
 */
final class InboxTenants {

  static final String FILE = "inbox-tenants.tsv";
  static final String PASSWORD = "load-run-password-7f3a";

  record Team(long id, String name, UUID lead) {}

  record Rep(String slug, UUID userId, String name, String team, String token, int capacity) {}

  record Tenant(
      String slug,
      String name,
      String brand,
      UUID companyId,
      UUID monitorId,
      String monitorName,
      List<String> products,
      List<Team> teams,
      List<Rep> reps,
      double share) {}

  private record Plan(
      String slug, String name, String brand, List<String> products, List<String> teams) {}

  private static final List<Plan> PLANS =
      List.of(
          new Plan(
              "lumen-fibre",
              "Lumen Fibre",
              "Lumen Fibre",
              List.of("Fibre Max", "Mesh Pro", "TV Box", "Home Phone"),
              List.of("Care", "Technical", "Retention")),
          new Plan(
              "kestrel-mobile",
              "Kestrel Mobile",
              "Kestrel Mobile",
              List.of("Kestrel SIM", "Roam Pass"),
              List.of("Support")),
          new Plan(
              "orchard-energy",
              "Orchard Energy",
              "Orchard Energy",
              List.of("Smart Meter", "Green Tariff"),
              List.of("Support")),
          new Plan(
              "pine-bank",
              "Pine Bank",
              "Pine Bank",
              List.of("Pine Card", "Pine App"),
              List.of("Support")));

  static final String[] REP_FIRST =
      "Ana Ben Cleo Dan Eve Finn Gita Hugo Iris Jon Kira Leo Mina Nico Oona Paul Quin Rosa Sami Tara Uma Vik Wren Xavi Yara Zoe Abel Bea Cal Dora Emil Faye Gus Hana Ivo Jade Kai Lena Milo Nora Omar Pia Ravi Sara Theo Una Vera Will Yuki Zane"
          .split(" ");
  static final String[] REP_LAST =
      "Lima Ode Roth Wu Sand Berg Costa Dahl Engel Frost Grau Hale Ivers Jansen Kaur Lund Moss Novak Ortiz Park"
          .split(" ");

  private InboxTenants() {}

  /** Creates the companies with {@code reps} reps in all: three in each small company. */
  static List<Tenant> create(Http operator, int reps) throws Exception {
    int small = Math.min(3, Math.max(1, reps / 10));
    int big = Math.max(1, reps - small * (PLANS.size() - 1));
    List<Tenant> tenants = new ArrayList<>();
    int repNumber = 0;
    for (int i = 0; i < PLANS.size(); i++) {
      Plan plan = PLANS.get(i);
      int count = i == 0 ? big : small;
      double share = i == 0 ? 0.91 : 0.09 / (PLANS.size() - 1);
      tenants.add(create(operator, plan, count, repNumber, share));
      repNumber += count;
    }
    return tenants;
  }

  private static Tenant create(Http operator, Plan plan, int reps, int firstRep, double share)
      throws Exception {
    String base = "/api/v1/companies/" + plan.slug();
    String company =
        ok(
            operator.post(
                "/api/v1/companies",
                "application/json",
                "{\"name\":\"" + plan.name() + "\",\"slug\":\"" + plan.slug() + "\"}"),
            201);
    Http admin =
        operator.as(
            field(
                ok(
                    operator.post(base + "/tokens", "application/json", "{\"role\":\"admin\"}"),
                    201),
                "token"));
    String brandWord = plan.brand().replace(" ", "").toLowerCase();
    String monitor =
        ok(
            admin.post(
                base + "/monitors",
                "application/json",
                "{\"name\":\"Brand\",\"query\":\"\\\""
                    + plan.brand()
                    + "\\\" OR "
                    + brandWord
                    + "\"}"),
            201);
    StringBuilder products = new StringBuilder("{\"products\":[");
    for (int i = 0; i < plan.products().size(); i++) {
      products.append(i == 0 ? "" : ",").append("{\"name\":\"").append(plan.products().get(i));
      products.append("\"}");
    }
    ok(admin.put(base + "/products", products.append("]}").toString()), 200);
    List<Long> teamIds = new ArrayList<>();
    for (String team : plan.teams()) {
      teamIds.add(
          Long.parseLong(
              field(ok(admin.post(base + "/teams", "application/json", name(team)), 201), "id")));
    }
    List<Rep> people = people(admin, base, plan, reps, firstRep);
    List<Team> teams = new ArrayList<>();
    for (int t = 0; t < plan.teams().size(); t++) {
      String team = plan.teams().get(t);
      UUID lead =
          people.stream()
              .filter(r -> r.team().equals(team))
              .map(Rep::userId)
              .findFirst()
              .orElse(null);
      if (lead != null) {
        ok(
            admin.put(
                base + "/teams/" + teamIds.get(t),
                "{\"name\":\"" + team + "\",\"lead\":\"" + lead + "\"}"),
            200);
      }
      teams.add(new Team(teamIds.get(t), team, lead));
    }
    String routing =
        plan.teams().size() == 1
            ? "{\"defaultTeam\":\"Support\",\"rules\":[]}"
            : "{\"defaultTeam\":\"Care\",\"rules\":[{\"urgency\":\"churn\",\"team\":\"Retention\"},"
                + "{\"intent\":\"question\",\"team\":\"Technical\"}]}";
    ok(admin.put(base + "/routing", routing), 200);
    ok(
        admin.put(
            base + "/sla",
            "{\"firstResponse\":\"PT1H\",\"nextResponse\":\"PT4H\",\"resolution\":\"PT24H\","
                + "\"warnAt\":80}"),
        200);
    return new Tenant(
        plan.slug(),
        plan.name(),
        plan.brand(),
        UUID.fromString(field(company, "id")),
        UUID.fromString(field(monitor, "id")),
        "Brand",
        plan.products(),
        teams,
        people,
        share);
  }

  /** The reps, each a person with a rep token of their own; in parallel, as hashing is slow. */
  private static List<Rep> people(Http admin, String base, Plan plan, int reps, int firstRep)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Rep>> made = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      int n = firstRep + i;
      String name =
          REP_FIRST[n % REP_FIRST.length]
              + " "
              + REP_LAST[(n / REP_FIRST.length) % REP_LAST.length];
      // Most reps are in the first team; the larger company spreads them half, 30 %, 20 %.
      int slot = i * 10 / Math.max(1, reps);
      String team =
          plan.teams().get(plan.teams().size() == 1 ? 0 : slot < 5 ? 0 : slot < 8 ? 1 : 2);
      int capacity = 40;
      made.add(
          pool.submit(
              () -> {
                String email =
                    name.toLowerCase().replace(' ', '.') + "." + n + "@" + plan.slug() + ".example";
                String person =
                    ok(
                        admin.post(
                            base + "/users",
                            "application/json",
                            "{\"email\":\""
                                + email
                                + "\",\"name\":\""
                                + name
                                + "\",\"password\":\""
                                + PASSWORD
                                + "\",\"role\":\"rep\"}"),
                        201);
                String id = field(person, "id");
                ok(
                    admin.put(
                        base + "/reps/" + id,
                        "{\"teams\":[\""
                            + team
                            + "\"],\"available\":true,\"capacity\":"
                            + capacity
                            + "}"),
                    201);
                String token =
                    field(
                        ok(
                            admin.post(
                                base + "/tokens",
                                "application/json",
                                "{\"role\":\"rep\",\"label\":\""
                                    + name
                                    + "\",\"user\":\""
                                    + id
                                    + "\"}"),
                            201),
                        "token");
                return new Rep(plan.slug(), UUID.fromString(id), name, team, token, capacity);
              }));
    }
    List<Rep> people = new ArrayList<>();
    for (Future<Rep> rep : made) {
      people.add(rep.get());
    }
    pool.shutdown();
    return people;
  }

  /** Keeps the reps and their tokens beside the data, for later runs on the same data. */
  static void save(Path dataDir, List<Tenant> tenants) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Tenant t : tenants) {
      for (Rep r : t.reps()) {
        lines.add(
            String.join(
                "\t",
                r.slug(),
                r.userId().toString(),
                r.name(),
                r.team(),
                r.token(),
                Integer.toString(r.capacity())));
      }
    }
    Files.write(dataDir.resolve(FILE), lines);
  }

  static List<Rep> reps(Path dataDir) throws IOException {
    List<Rep> reps = new ArrayList<>();
    for (String line : Files.readAllLines(dataDir.resolve(FILE))) {
      String[] f = line.split("\t");
      reps.add(new Rep(f[0], UUID.fromString(f[1]), f[2], f[3], f[4], Integer.parseInt(f[5])));
    }
    return reps;
  }

  private static String name(String team) {
    return "{\"name\":\"" + team + "\"}";
  }

  /** A string or number field of a JSON object, found by name. */
  static String field(String json, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]*)\"?").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static String ok(Http.Response response, int status) {
    EndToEndLoad.check(response, status);
    return response.body();
  }
}
