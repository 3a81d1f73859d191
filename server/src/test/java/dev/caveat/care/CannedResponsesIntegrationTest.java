package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.IntegrationTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Canned responses: kept by leads, read by reps, filled in for one case, seen by no other company.
 */
@Tag("persistence")
class CannedResponsesIntegrationTest extends IntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void aLeadKeepsCannedResponsesThatRepsSearchAndFillInForACase() {
    ApiClient api = api();
    String slug = uniqueSlug("canned");
    String admin = companyWithAdminToken(api, slug);
    ApiClient.Response repToken =
        api.post(
            "/api/v1/companies/" + slug + "/tokens",
            admin,
            Map.of("role", "rep", "label", "Robin Rep"));
    String rep = repToken.json().get("token").stringValue();
    String canned = "/api/v1/companies/" + slug + "/canned-responses";

    ApiClient.Response outage =
        api.post(
            canned,
            admin,
            Map.of(
                "title", "Outage apology",
                "body",
                    "Hi {{customer.name}} ({{ customer.handle }}), sorry: {{company.name}} has an"
                        + " outage. Follow case {{case.number}} at {{case.link}}. {{rep.name}}",
                "language", "EN",
                "intent", "complaint"));
    assertThat(outage.status()).as(outage.body()).isEqualTo(201);
    assertThat(outage.json().get("language").stringValue()).isEqualTo("en");
    assertThat(outage.json().get("variables").valueStream().map(JsonNode::stringValue))
        .containsExactly(
            "customer.name",
            "customer.handle",
            "company.name",
            "case.number",
            "case.link",
            "rep.name");
    long outageId = outage.json().get("id").longValue();
    assertThat(
            api.post(canned, admin, Map.of("title", "billing refund", "body", "We refund it."))
                .status())
        .isEqualTo(201);
    assertThat(api.post(canned, admin, Map.of("title", "Apps", "body", "Try the app.")).status())
        .isEqualTo(201);

    // Reps read them by title, and search titles and bodies in any letter case.
    assertThat(titles(api.get(canned, rep)))
        .containsExactly("Apps", "billing refund", "Outage apology");
    assertThat(titles(api.get(canned + "?q=REFUND", rep))).containsExactly("billing refund");
    assertThat(titles(api.get(canned + "?q=outage", rep))).containsExactly("Outage apology");
    assertThat(titles(api.get(canned + "?q=100%25", rep))).isEmpty();

    // Reps may not write them.
    ApiClient.Response byRep = api.post(canned, rep, Map.of("title", "Mine", "body", "Hi"));
    assertThat(byRep.status()).isEqualTo(403);
    assertThat(api.put(canned + "/" + outageId, rep, Map.of("title", "X", "body", "Y")).status())
        .isEqualTo(403);
    assertThat(api.delete(canned + "/" + outageId, rep).status()).isEqualTo(403);

    // Filled in for a case: the customer without a name is called by their handle.
    String brand = "zc" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    ingest(
        api,
        slug,
        Map.of("handle", "frida_k"),
        "My " + brand + " router died again and support hung up on me, this is the third time");
    ingest(
        api,
        slug,
        Map.of("handle", "gio", "name", "Giovanni Rossi"),
        "My " + brand + " bill doubled and nobody answers the phone, awful");
    awaitFiled(api, jdbc, slug);
    String frida = caseOf(api, rep, slug, "frida_k");
    String gio = caseOf(api, rep, slug, "gio");
    String code =
        jdbc.sql("select code from care_case where number = ?")
            .param(frida)
            .query(String.class)
            .single();

    ApiClient.Response rendered =
        api.get(
            "/api/v1/companies/" + slug + "/cases/" + frida + "/canned-responses/" + outageId, rep);
    assertThat(rendered.status()).as(rendered.body()).isEqualTo(200);
    assertThat(rendered.json().get("text").stringValue())
        .isEqualTo(
            "Hi frida_k (frida_k), sorry: Company "
                + slug
                + " has an outage. Follow case "
                + frida
                + " at http://localhost:"
                + port
                + "/cases/"
                + slug
                + "/"
                + frida
                + "?code="
                + code
                + ". Robin Rep");
    assertThat(
            api.get(
                    "/api/v1/companies/"
                        + slug
                        + "/cases/"
                        + gio.toLowerCase()
                        + "/canned-responses/"
                        + outageId,
                    rep)
                .json()
                .get("text")
                .stringValue())
        .startsWith("Hi Giovanni Rossi (gio), sorry");

    // An update is checked as a new one is, and a taken title is refused.
    ApiClient.Response updated =
        api.put(
            canned + "/" + outageId, admin, Map.of("title", "Outage", "body", "Hi {{rep.name}}"));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("intent").isNull()).isTrue();
    assertThat(api.get(canned + "/" + outageId, rep).json().get("body").stringValue())
        .isEqualTo("Hi {{rep.name}}");
    ApiClient.Response taken =
        api.put(canned + "/" + outageId, admin, Map.of("title", "APPS", "body", "Hi"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("detail").stringValue()).contains("'APPS' exists");

    assertThat(api.delete(canned + "/" + outageId, admin).status()).isEqualTo(204);
    assertThat(api.get(canned + "/" + outageId, rep).status()).isEqualTo(404);
    assertThat(
            api.get(
                    "/api/v1/companies/"
                        + slug
                        + "/cases/"
                        + frida
                        + "/canned-responses/"
                        + outageId,
                    rep)
                .status())
        .isEqualTo(404);
  }

  @Test
  void anUnknownVariableOrABrokenOneIsRefusedByName() {
    ApiClient api = api();
    String slug = uniqueSlug("canned-bad");
    String admin = companyWithAdminToken(api, slug);
    String canned = "/api/v1/companies/" + slug + "/canned-responses";

    ApiClient.Response unknown =
        api.post(canned, admin, Map.of("title", "Hi", "body", "Hello {{customer.nmae}}, thanks"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).contains("application/problem+json");
    assertThat(unknown.json().get("detail").stringValue())
        .contains("{{customer.nmae}}")
        .contains("not a variable")
        .contains("{{customer.name}}");
    ApiClient.Response unclosed =
        api.post(canned, admin, Map.of("title", "Hi", "body", "Hello {{customer.name"));
    assertThat(unclosed.status()).isEqualTo(400);
    assertThat(unclosed.json().get("detail").stringValue()).contains("not closed");
    assertThat(api.post(canned, admin, Map.of("title", " ", "body", "x")).status()).isEqualTo(400);
    assertThat(
            api.post(canned, admin, Map.of("title", "T", "body", "x", "language", "english"))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post(canned, admin, Map.of("title", "T", "body", "x", "intent", "rant")).status())
        .isEqualTo(400);
    assertThat(api.post(canned, admin, Map.of("title", "T", "body", "x".repeat(5001))).status())
        .isEqualTo(400);
    assertThat(api.get(canned, admin).json().get("items").size()).isZero();
  }

  @Test
  void anotherCompanysTokenFindsNothing() {
    ApiClient api = api();
    String slug = uniqueSlug("canned-own");
    String admin = companyWithAdminToken(api, slug);
    String canned = "/api/v1/companies/" + slug + "/canned-responses";
    long id =
        api.post(canned, admin, Map.of("title", "Secret", "body", "Hi {{customer.name}}"))
            .json()
            .get("id")
            .longValue();
    String brand = "zo" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    ingest(
        api,
        slug,
        Map.of("handle", "hugo"),
        "My " + brand + " router died again and support hung up on me, this is the third time");
    awaitFiled(api, jdbc, slug);
    String number = caseOf(api, admin, slug, "hugo");

    String otherSlug = uniqueSlug("canned-other");
    String other = companyWithAdminToken(api, otherSlug);
    assertThat(api.get(canned, other).status()).isEqualTo(404);
    assertThat(api.get(canned + "/" + id, other).status()).isEqualTo(404);
    assertThat(api.put(canned + "/" + id, other, Map.of("title", "Mine", "body", "x")).status())
        .isEqualTo(404);
    assertThat(api.delete(canned + "/" + id, other).status()).isEqualTo(404);
    assertThat(
            api.get(
                    "/api/v1/companies/" + slug + "/cases/" + number + "/canned-responses/" + id,
                    other)
                .status())
        .isEqualTo(404);
    // Through its own company's address, the response is not there either.
    String own = "/api/v1/companies/" + otherSlug + "/canned-responses";
    assertThat(api.get(own + "/" + id, other).status()).isEqualTo(404);
    assertThat(api.put(own + "/" + id, other, Map.of("title", "Mine", "body", "x")).status())
        .isEqualTo(404);
    assertThat(api.delete(own + "/" + id, other).status()).isEqualTo(404);
    assertThat(api.get(own, other).json().get("items").size()).isZero();
    assertThat(api.get(canned + "/" + id, admin).json().get("title").stringValue())
        .isEqualTo("Secret");
  }

  private static List<String> titles(ApiClient.Response list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().get("items").valueStream().map(c -> c.get("title").stringValue()).toList();
  }

  /** A post in a forum; random words keep it from reading as a copy of another test's post. */
  private static void ingest(ApiClient api, String slug, Map<String, String> author, String text) {
    Random random = new Random();
    StringBuilder unlike = new StringBuilder(" Refs");
    for (int i = 0; i < 10; i++) {
      unlike.append(' ');
      for (int j = 0; j < 6; j++) {
        unlike.append((char) ('a' + random.nextInt(26)));
      }
    }
    Map<String, Object> post = new HashMap<>();
    post.put("source", "forum-" + slug);
    post.put("externalId", UUID.randomUUID().toString());
    post.put("author", author);
    post.put("text", text + unlike);
    ApiClient.Response r = api.post("/api/v1/ingest", OPERATOR, List.of(post));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static String caseOf(ApiClient api, String token, String slug, String handle) {
    return api.get("/api/v1/companies/" + slug + "/cases", token)
        .json()
        .get("items")
        .valueStream()
        .filter(c -> c.get("customer").get("handle").stringValue().equals(handle))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case for " + handle))
        .get("number")
        .stringValue();
  }
}
