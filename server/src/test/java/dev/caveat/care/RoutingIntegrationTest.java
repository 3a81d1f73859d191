package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** New cases go to the team the first matching rule names, and inside it to a rep who has room. */
@Tag("persistence")
class RoutingIntegrationTest extends IntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  private ApiClient api;
  private String slug;
  private String admin;
  private String brand;
  private String forum;
  private int posts;

  private void company(String prefix) {
    api = api();
    slug = uniqueSlug(prefix);
    admin = companyWithAdminToken(api, slug);
    brand = "zb" + UUID.randomUUID().toString().substring(0, 6);
    forum = "forum-" + slug;
    monitor(api, admin, slug, "Brand", brand);
  }

  @Test
  void eachKindOfRuleSendsTheCasesItMatchesToItsTeam() {
    company("rules");
    team("General", null);
    team("Special", null);
    String outage = "zo" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Outages", outage);
    put("/products", Map.of("products", List.of(Map.of("name", "Fibre Max"))));

    String angry =
        "My " + brand + " router died again and support hung up on me, this is the third time";
    String question = "How do I change my " + brand + " plan?";
    String legal =
        "My "
            + brand
            + " router died again and support hung up on me, my lawyer will take you to court";
    String german =
        "Mein "
            + brand
            + " Router ist seit gestern kaputt und die Hotline legt einfach auf,"
            + " eine Frechheit";
    String product =
        "My " + brand + " Fibre Max router died again and support hung up on me, third time";
    String otherMonitor =
        "My " + outage + " connection died again and support hung up on me, third time";

    // What the classifier makes of the texts, so each rule is set between a text that matches it
    // and one that does not.
    JsonNode a = classify(angry);
    JsonNode q = classify(question);
    assertThat(a.get("intent").stringValue()).isEqualTo("complaint");
    assertThat(q.get("intent").stringValue()).isEqualTo("question");
    assertThat(classify(legal).get("urgency").valueStream().map(JsonNode::stringValue))
        .contains("legal");
    assertThat(a.get("urgency").valueStream().map(JsonNode::stringValue)).doesNotContain("legal");
    assertThat(classify(german).get("language").stringValue()).isEqualTo("de");
    assertThat(a.get("language").stringValue()).isEqualTo("en");
    assertRoutes(Map.of("monitor", "outages"), otherMonitor, angry);
    assertRoutes(Map.of("intent", "question"), question, angry);
    assertRoutes(Map.of("language", "de"), german, angry);
    assertSentimentRoutes("sentimentBelow", angry, question);
    assertSentimentRoutes("sentimentAbove", angry, question);
    assertRoutes(Map.of("urgency", "legal"), legal, angry);
    assertRoutes(Map.of("product", "fibre max"), product, angry);
    String vip = "vip" + posts;
    routing("General", List.of(Map.of("customer", "@" + vip, "team", "Special")));
    assertThat(caseOf(file(vip, angry)).get("team").stringValue()).isEqualTo("Special");
    assertThat(caseOf(file("other" + posts, angry)).get("team").stringValue()).isEqualTo("General");

    // First match wins: a question from the VIP goes where the first rule says.
    routing(
        "General",
        List.of(
            Map.of("customer", "ann" + posts, "team", "Special"),
            Map.of("intent", "question", "team", "General")));
    String ann = "ann" + posts;
    assertThat(caseOf(file(ann, question)).get("team").stringValue()).isEqualTo("Special");
    JsonNode whole = whole(caseOf(ann).get("number").stringValue());
    assertThat(events(whole, "routed")).singleElement().asString().contains("rule 1 (customer");
  }

  @Test
  void theLeastLoadedRepWithTheSkillsAndRoomTakesTheCaseAndWithNobodyItWaitsInTheTeam() {
    company("load");
    String support = team("Support", null);
    UUID ana = rep("Ana Lima", List.of("Support"), List.of("en"), List.of(), true, 2);
    UUID ben = rep("Ben Ode", List.of("Support"), List.of("en"), List.of(), true, 1);
    UUID cleo = rep("Cleo Roth", List.of("Support"), List.of("de"), List.of(), true, 5);
    UUID dan = rep("Dan Wu", List.of("Support"), List.of(), List.of(), false, 5);
    UUID eve = rep("Eve Sand", List.of("Support"), List.of("en"), List.of("Fibre Max"), true, 5);
    routing("Support", List.of());
    put(
        "/products",
        Map.of("products", List.of(Map.of("name", "Fibre Max"), Map.of("name", "Copper"))));
    assertThat(support).isNotNull();

    String complaint = "My " + brand + " router died again and support hung up on me, third time";
    String copper = "My " + brand + " Copper line died again and support hung up on me, third time";
    // Eve knows only Fibre Max: a Copper case is not hers. Ana and Ben are even; Ana's name is
    // first.
    assertThat(assignee(file("c1", copper))).isEqualTo(ana.toString());
    assertThat(assignee(file("c2", copper))).isEqualTo(ben.toString());
    // Ben is full (1 of 1), Ana has 1 of 2.
    assertThat(assignee(file("c3", copper))).isEqualTo(ana.toString());
    // Ana and Ben are full, Cleo speaks only German, Dan is away, Eve does not know Copper.
    String waiting = file("c4", copper);
    JsonNode c4 = caseOf(waiting);
    assertThat(c4.get("team").stringValue()).isEqualTo("Support");
    assertThat(c4.get("assignee").isNull()).isTrue();
    assertThat(events(whole(c4.get("number").stringValue()), "not-assigned"))
        .singleElement()
        .asString()
        .contains("nobody on team Support", "speaks en", "Copper");
    // With no product named, Eve's product skill does not hold her back.
    assertThat(assignee(file("c5", complaint))).isEqualTo(eve.toString());

    JsonNode unassigned =
        api.get("/api/v1/companies/" + slug + "/cases?unassigned=true", admin).json().get("items");
    assertThat(unassigned.valueStream().map(c -> c.get("number").stringValue()))
        .containsExactly(c4.get("number").stringValue());
    assertThat(
            api.get("/api/v1/companies/" + slug + "/cases?team=support&assignee=" + ana, admin)
                .json()
                .get("items")
                .size())
        .isEqualTo(2);
    JsonNode reps = api.get("/api/v1/companies/" + slug + "/reps", admin).json().get("items");
    assertThat(reps.valueStream().map(r -> r.get("name").stringValue()))
        .containsExactly("Ana Lima", "Ben Ode", "Cleo Roth", "Dan Wu", "Eve Sand");
    assertThat(reps.get(0).get("openCases").intValue()).isEqualTo(2);
    assertThat(cleo).isNotEqualTo(dan);

    // Ana leaves: her two cases wait in the team for someone else, and their history says why.
    assertThat(api.delete("/api/v1/companies/" + slug + "/reps/" + ana, admin).status())
        .isEqualTo(204);
    unassigned =
        api.get("/api/v1/companies/" + slug + "/cases?unassigned=true", admin).json().get("items");
    assertThat(unassigned.size()).isEqualTo(3);
    assertThat(unassigned.valueStream().map(c -> c.get("team").stringValue()))
        .containsOnly("Support");
    assertThat(events(whole(caseOf("c1").get("number").stringValue()), "assigned"))
        .contains("to nobody: Ana Lima is no longer a rep");
  }

  @Test
  void aPersonWhoLeavesTheCompanyHandsBackTheirCasesAndLosesAccessAtOnce() {
    company("leaver");
    team("Support", null);
    UUID ana = rep("Ana Lima", List.of("Support"), List.of(), List.of(), true, 5);
    team("Escalations", ana);
    routing("Support", List.of());
    String complaint = "My " + brand + " router died again and support hung up on me, third time";
    String dana = file("dana", complaint);
    assertThat(assignee(dana)).isEqualTo(ana.toString());
    String company = "/api/v1/companies/" + slug;
    String anasToken = personToken(ana, "rep");
    assertThat(api.get(company + "/cases", anasToken).status()).isEqualTo(200);

    // A rep may not remove anyone, and nobody removes themselves.
    assertThat(api.delete(company + "/users/" + ana, anasToken).status()).isEqualTo(403);
    ApiClient.Response lead =
        api.post(
            company + "/users",
            admin,
            Map.of(
                "email",
                CaveatTestUtils.email(slug, "Lee Admin"),
                "name",
                "Lee Admin",
                "password",
                CaveatTestUtils.PASSWORD,
                "role",
                "admin"));
    assertThat(lead.status()).as(lead.body()).isEqualTo(201);
    UUID lee = UUID.fromString(lead.json().get("id").stringValue());
    ApiClient.Response self = api.delete(company + "/users/" + lee, personToken(lee, "admin"));
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.json().get("detail").stringValue()).contains("cannot remove yourself");

    // Ana leaves: her own token stops at once, and her case goes back to the team.
    assertThat(api.delete(company + "/users/" + ana, admin).status()).isEqualTo(204);
    assertThat(api.get(company + "/cases", anasToken).status()).isEqualTo(401);
    Awaitility.await("Ana's case handed back")
        .atMost(Duration.ofSeconds(10))
        .until(() -> assignee(dana) == null);
    assertThat(caseOf(dana).get("team").stringValue()).isEqualTo("Support");
    assertThat(events(whole(caseOf(dana).get("number").stringValue()), "assigned"))
        .contains("to nobody: Ana Lima left the company");
    assertThat(api.get(company + "/reps/" + ana, admin).status()).isEqualTo(404);
    JsonNode teams = api.get(company + "/teams", admin).json().get("items");
    assertThat(teams.valueStream().filter(t -> t.get("name").stringValue().equals("Escalations")))
        .singleElement()
        .satisfies(t -> assertThat(t.get("lead").isNull()).isTrue());

    // She is gone: removing her again, or someone never there, finds nobody.
    assertThat(api.delete(company + "/users/" + ana, admin).status()).isEqualTo(404);
    assertThat(api.delete(company + "/users/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
  }

  private String personToken(UUID person, String role) {
    ApiClient.Response r =
        api.post(
            "/api/v1/companies/" + slug + "/tokens",
            admin,
            Map.of("role", role, "user", person.toString()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("token").stringValue();
  }

  @Test
  void aReturningCustomerGetsTheirRepAndACustomerMayAskForOneByName() {
    company("sticky");
    team("Support", null);
    UUID ana = rep("Ana Lima", List.of("Support"), List.of(), List.of(), true, 5);
    UUID ben = rep("Ben Ode", List.of("Support"), List.of(), List.of(), true, 5);
    routing("Support", List.of());
    String complaint = "My " + brand + " router died again and support hung up on me, third time";
    String c = "/api/v1/companies/" + slug + "/cases";

    String gil = file("gil", complaint);
    assertThat(assignee(gil)).isEqualTo(ana.toString());
    String number = caseOf(gil).get("number").stringValue();
    assertThat(
            api.post(c + "/" + number + "/resolve", admin, Map.of("resolution", "solved")).status())
        .isEqualTo(200);
    assertThat(assignee(file("hal", complaint))).isEqualTo(ana.toString());
    // Ben holds fewer cases, but Ana helped Gil last.
    String again = file("gil", complaint + " and now the modem too");
    assertThat(assignee(again)).isEqualTo(ana.toString());
    JsonNode sticky = whole(caseOf(again).get("number").stringValue());
    assertThat(events(sticky, "assigned"))
        .singleElement()
        .asString()
        .contains("Ana Lima", "helped this customer last");

    // Ana holds two, Ben none, yet Ivy asks for Ana.
    String ivy = file("ivy", complaint + ", please ask for Ana");
    assertThat(assignee(ivy)).isEqualTo(ana.toString());
    assertThat(events(whole(caseOf(ivy).get("number").stringValue()), "assigned"))
        .singleElement()
        .asString()
        .contains("the customer asked for Ana");

    // Ben is away: Jo's wish is declined with the reason, and Ana takes the case.
    assertThat(
            api.put(
                    "/api/v1/companies/" + slug + "/reps/" + ben + "/availability",
                    admin,
                    Map.of("available", false))
                .status())
        .isEqualTo(200);
    String jo = file("jo", complaint + ". I'd like Ben to help");
    assertThat(assignee(jo)).isEqualTo(ana.toString());
    String joNumber = caseOf(jo).get("number").stringValue();
    assertThat(events(whole(joNumber), "rep-request-declined"))
        .singleElement()
        .asString()
        .contains("asked for Ben", "Ben Ode is away");

    // Asked again through the API, once Ben is back: honoured.
    ApiClient.Response declined =
        api.post(c + "/" + joNumber + "/rep-request", admin, Map.of("name", "Ben"));
    assertThat(declined.json().get("honoured").booleanValue()).isFalse();
    api.put(
        "/api/v1/companies/" + slug + "/reps/" + ben + "/availability",
        admin,
        Map.of("available", true));
    ApiClient.Response honoured =
        api.post(c + "/" + joNumber + "/rep-request", admin, Map.of("name", "ben ode"));
    assertThat(honoured.status()).as(honoured.body()).isEqualTo(200);
    assertThat(honoured.json().get("honoured").booleanValue()).isTrue();
    assertThat(honoured.json().get("kase").get("assignee").stringValue()).isEqualTo(ben.toString());

    // Ana at capacity is declined too.
    api.put(
        "/api/v1/companies/" + slug + "/reps/" + ana,
        admin,
        Map.of("teams", List.of("Support"), "capacity", 3));
    ApiClient.Response full =
        api.post(c + "/" + joNumber + "/rep-request", admin, Map.of("name", "Ana"));
    assertThat(full.json().get("honoured").booleanValue()).isFalse();
    assertThat(events(whole(joNumber), "rep-request-declined"))
        .last()
        .asString()
        .contains("Ana Lima is at capacity (3 of 3 open cases)");
    JsonNode view = whole(joNumber);
    assertThat(view.get("assigneeName").stringValue()).isEqualTo("Ben Ode");
  }

  @Test
  void aTokenIssuedToARepListsTheirCasesAsMineAndActsInTheirName() {
    company("mine");
    team("Support", null);
    UUID ana = rep("Ana Lima", List.of("Support"), List.of(), List.of(), true, 5);
    UUID ben = rep("Ben Ode", List.of("Support"), List.of(), List.of(), true, 5);
    routing("Support", List.of());
    String complaint = "My " + brand + " router died again and support hung up on me, third time";
    String anas = caseOf(file("kim", complaint)).get("number").stringValue();
    String bens = caseOf(file("lou", complaint)).get("number").stringValue();
    assertThat(assignee("kim")).isEqualTo(ana.toString());
    assertThat(assignee("lou")).isEqualTo(ben.toString());

    String anaToken = personToken(ana);
    String benToken = personToken(ben);
    String mine = "/api/v1/companies/" + slug + "/cases?assignee=me";
    assertThat(numbers(api.get(mine, anaToken).json())).containsExactly(anas);
    assertThat(numbers(api.get(mine, benToken).json())).containsExactly(bens);
    // A token of nobody in particular has no cases of its own.
    assertThat(numbers(api.get(mine, token(api, admin, slug, "rep")).json())).isEmpty();

    ApiClient.Response note =
        api.post(
            "/api/v1/companies/" + slug + "/cases/" + anas + "/notes",
            anaToken,
            Map.of("text", "Called the customer back"));
    assertThat(note.status()).as(note.body()).isEqualTo(201);
    assertThat(note.json().get("author").stringValue()).isEqualTo("Ana Lima");
    // Ana may say she is away; another rep's token may not say it for her.
    String away = "/api/v1/companies/" + slug + "/reps/" + ana + "/availability";
    assertThat(api.put(away, anaToken, Map.of("available", false)).status()).isEqualTo(200);
    assertThat(api.put(away, benToken, Map.of("available", true)).status()).isEqualTo(403);
  }

  private String personToken(UUID person) {
    ApiClient.Response r =
        api.post(
            "/api/v1/companies/" + slug + "/tokens",
            admin,
            Map.of("role", "rep", "user", person.toString()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("user").stringValue()).isEqualTo(person.toString());
    return r.json().get("token").stringValue();
  }

  private static List<String> numbers(JsonNode page) {
    return page.get("items").valueStream().map(c -> c.get("number").stringValue()).toList();
  }

  @Test
  void teamsRepsAndRoutingRefuseWhatMakesNoSense() {
    company("crud");
    String c = "/api/v1/companies/" + slug;
    String rep = token(api, admin, slug, "rep");
    assertThat(api.post(c + "/teams", admin, Map.of("name", "Billing")).status()).isEqualTo(201);
    assertThat(api.post(c + "/teams", admin, Map.of("name", "  ")).status()).isEqualTo(400);
    ApiClient.Response duplicate = api.post(c + "/teams", admin, Map.of("name", "billing"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("detail").stringValue()).contains("exists");
    assertThat(api.post(c + "/teams", rep, Map.of("name", "Tech")).status()).isEqualTo(403);
    assertThat(
            api.post(c + "/teams", admin, Map.of("name", "Tech", "lead", UUID.randomUUID()))
                .status())
        .isEqualTo(400);
    String tech = team("Accounts", null);
    assertThat(
            api.get(c + "/teams", rep)
                .json()
                .get("items")
                .valueStream()
                .map(t -> t.get("name").stringValue()))
        .containsExactly("Accounts", "Billing");
    assertThat(api.get(c + "/teams/999999999", admin).status()).isEqualTo(404);

    assertThat(api.put(c + "/reps/" + UUID.randomUUID(), admin, Map.of("capacity", 3)).status())
        .isEqualTo(404);
    UUID person = CaveatTestUtils.person(api, admin, slug, "Fay Ng");
    assertThat(api.put(c + "/reps/" + person, admin, Map.of("teams", List.of("Billing"))).status())
        .isEqualTo(400);
    ApiClient.Response badLanguage =
        api.put(
            c + "/reps/" + person, admin, Map.of("languages", List.of("english"), "capacity", 3));
    assertThat(badLanguage.status()).isEqualTo(400);
    assertThat(badLanguage.json().get("detail").stringValue()).contains("ISO 639-1");
    ApiClient.Response noTeam =
        api.put(c + "/reps/" + person, admin, Map.of("teams", List.of("Nope"), "capacity", 3));
    assertThat(noTeam.status()).isEqualTo(400);
    assertThat(noTeam.json().get("detail").stringValue()).contains("No team named 'Nope'");
    assertThat(
            api.put(
                    c + "/reps/" + person,
                    admin,
                    Map.of("teams", List.of("billing"), "capacity", 3))
                .status())
        .isEqualTo(201);
    assertThat(
            api.put(
                    c + "/reps/" + person,
                    admin,
                    Map.of("teams", List.of("Billing"), "capacity", 4))
                .status())
        .isEqualTo(200);

    ApiClient.Response noCondition =
        api.put(c + "/routing", admin, Map.of("rules", List.of(Map.of("team", "Billing"))));
    assertThat(noCondition.status()).isEqualTo(400);
    assertThat(noCondition.json().get("detail").stringValue())
        .contains("rules[0] has no condition");
    assertThat(
            api.put(
                    c + "/routing",
                    admin,
                    Map.of("rules", List.of(Map.of("intent", "rant", "team", "Billing"))))
                .status())
        .isEqualTo(400);
    assertThat(
            api.put(
                    c + "/routing",
                    admin,
                    Map.of("rules", List.of(Map.of("sentimentBelow", -2, "team", "Billing"))))
                .status())
        .isEqualTo(400);
    assertThat(api.put(c + "/routing", admin, Map.of("defaultTeam", "Nope")).status())
        .isEqualTo(400);
    ApiClient.Response saved =
        api.put(
            c + "/routing",
            admin,
            Map.of(
                "defaultTeam",
                "Accounts",
                "rules",
                List.of(
                    Map.of("urgency", "Legal", "team", "billing"),
                    Map.of("intent", "question", "language", "DE", "team", "Accounts"))));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonNode routing = api.get(c + "/routing", rep).json();
    assertThat(routing.get("defaultTeam").stringValue()).isEqualTo("Accounts");
    assertThat(routing.get("rules").get(0).get("urgency").stringValue()).isEqualTo("legal");
    assertThat(routing.get("rules").get(0).get("team").stringValue()).isEqualTo("Billing");
    assertThat(routing.get("rules").get(1).get("language").stringValue()).isEqualTo("de");
    ApiClient.Response inUse = api.delete(c + "/teams/" + tech, admin);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.json().get("detail").stringValue()).contains("routing");

    // A rep says they are away; they may not say it for someone else.
    ApiClient.Response me = api.get(c + "/reps/" + person, rep);
    assertThat(me.json().get("teams").valueStream().map(JsonNode::stringValue))
        .containsExactly("Billing");
    assertThat(
            api.put(c + "/reps/" + person + "/availability", rep, Map.of("available", false))
                .status())
        .isEqualTo(403);
    assertThat(api.delete(c + "/reps/" + person, admin).status()).isEqualTo(204);
    assertThat(api.get(c + "/reps/" + person, admin).status()).isEqualTo(404);
  }

  // --- fixtures

  private void assertRoutes(Map<String, Object> condition, String matching, String other) {
    Map<String, Object> rule = new HashMap<>(condition);
    rule.put("team", "Special");
    routing("General", List.of(rule));
    String yes = file("yes" + posts, matching);
    String no = file("no" + posts, other);
    assertThat(caseOf(yes).get("team").stringValue())
        .as("%s matches", condition)
        .isEqualTo("Special");
    assertThat(caseOf(no).get("team").stringValue())
        .as("%s does not", condition)
        .isEqualTo("General");
  }

  /**
   * Sentiment moves with every word, so the posts are classified exactly as they will be sent and
   * the threshold set between them.
   */
  private void assertSentimentRoutes(String condition, String one, String two) {
    String first = one + unlike();
    String second = two + unlike();
    double firstSentiment = classify(first).get("sentiment").doubleValue();
    double secondSentiment = classify(second).get("sentiment").doubleValue();
    // The words that keep posts apart are random and can even out the two readings; draw again.
    for (int tries = 0; tries < 10 && firstSentiment == secondSentiment; tries++) {
      second = two + unlike();
      secondSentiment = classify(second).get("sentiment").doubleValue();
    }
    assertThat(firstSentiment).isNotEqualTo(secondSentiment);
    String lower = firstSentiment < secondSentiment ? first : second;
    String higher = lower.equals(first) ? second : first;
    routing(
        "General",
        List.of(Map.of(condition, (firstSentiment + secondSentiment) / 2, "team", "Special")));
    boolean below = condition.equals("sentimentBelow");
    String yes = post("yes" + posts, below ? lower : higher);
    String no = post("no" + posts, below ? higher : lower);
    assertThat(caseOf(yes).get("team").stringValue())
        .as("%s matches", condition)
        .isEqualTo("Special");
    assertThat(caseOf(no).get("team").stringValue())
        .as("%s does not", condition)
        .isEqualTo("General");
  }

  private JsonNode classify(String text) {
    ApiClient.Response r =
        api.post(
            "/api/v1/classify",
            admin,
            Map.of(
                "text",
                text,
                "products",
                List.of(Map.of("name", "Fibre Max", "aliases", List.of()))));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private String team(String name, UUID lead) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("lead", lead);
    ApiClient.Response r = api.post("/api/v1/companies/" + slug + "/teams", admin, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return String.valueOf(r.json().get("id").longValue());
  }

  private UUID rep(
      String name,
      List<String> teams,
      List<String> languages,
      List<String> products,
      boolean available,
      int capacity) {
    UUID id = CaveatTestUtils.person(api, admin, slug, name);
    ApiClient.Response r =
        api.put(
            "/api/v1/companies/" + slug + "/reps/" + id,
            admin,
            Map.of(
                "teams", teams,
                "languages", languages,
                "products", products,
                "available", available,
                "capacity", capacity));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  private void routing(String defaultTeam, List<Map<String, Object>> rules) {
    ApiClient.Response r =
        api.put(
            "/api/v1/companies/" + slug + "/routing",
            admin,
            Map.of("defaultTeam", defaultTeam, "rules", rules));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private void put(String path, Object body) {
    ApiClient.Response r = api.put("/api/v1/companies/" + slug + path, admin, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** Ingests one post by the author and waits until care filed it; returns the author. */
  private String file(String author, String text) {
    return post(author, text + unlike());
  }

  /** Ingests the text as it is, which must be unlike every other post of the test. */
  private String post(String author, String text) {
    posts++;
    ApiClient.Response r =
        api.post(
            "/api/v1/ingest",
            OPERATOR,
            List.of(
                Map.of(
                    "source",
                    forum,
                    "externalId",
                    "p" + posts,
                    "url",
                    "https://" + forum + ".example/" + posts,
                    "author",
                    Map.of("handle", author, "name", author.toUpperCase()),
                    "text",
                    text)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    CaveatTestUtils.awaitFiled(api, jdbc, slug);
    return author;
  }

  /**
   * Words no other post has, so that posts on the same theme are not taken for copies of one
   * another (copies of eight words or more count toward one mention).
   */
  private static String unlike() {
    java.util.Random random = new java.util.Random();
    StringBuilder refs = new StringBuilder(" Refs");
    // Enough words of their own that no post comes near the copy threshold of another.
    for (int i = 0; i < 30; i++) {
      refs.append(' ');
      for (int j = 0; j < 6; j++) {
        refs.append((char) ('a' + random.nextInt(26)));
      }
    }
    return refs.toString();
  }

  /** The newest case of the customer. */
  private JsonNode caseOf(String handle) {
    JsonNode items =
        api.get("/api/v1/companies/" + slug + "/cases?limit=200", admin).json().get("items");
    List<JsonNode> theirs = new ArrayList<>();
    items.forEach(
        c -> {
          if (c.get("customer").get("handle").stringValue().equals(handle)) {
            theirs.add(c);
          }
        });
    assertThat(theirs).as("cases of %s in %s", handle, items).isNotEmpty();
    return theirs.getFirst();
  }

  private String assignee(String handle) {
    JsonNode assignee = caseOf(handle).get("assignee");
    return assignee.isNull() ? null : assignee.stringValue();
  }

  private JsonNode whole(String number) {
    return api.get("/api/v1/companies/" + slug + "/cases/" + number, admin).json();
  }

  private static List<String> events(JsonNode whole, String kind) {
    return whole
        .get("events")
        .valueStream()
        .filter(e -> e.get("kind").stringValue().equals(kind))
        .map(e -> e.get("details").stringValue())
        .toList();
  }
}
