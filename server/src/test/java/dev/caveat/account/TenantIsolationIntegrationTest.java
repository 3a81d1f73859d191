package dev.caveat.account;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.post;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** A company's token walks every API path aimed at another company and learns nothing. */
class TenantIsolationIntegrationTest extends IntegrationTestSupport {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /**
   * One request and what the intruder's admin and rep tokens hear. A rep may not administer even
   * its own company, so it hears 403 there before anything about the other company is looked up.
   */
  private record Call(
      String method, String pattern, String path, Object body, int adminStatus, int repStatus) {

    Call(String method, String pattern, String path, Object body, int status) {
      this(method, pattern, path, body, status, status);
    }
  }

  @Test
  void anotherCompanysTokenSeesNothing() {
    ApiClient api = api();
    String victim = uniqueSlug("victim");
    String intruder = uniqueSlug("intruder");
    String victimAdmin = companyWithAdminToken(api, victim);
    String intruderAdmin = companyWithAdminToken(api, intruder);
    String intruderRep = token(api, intruderAdmin, intruder, "rep");
    String word = "sec" + UUID.randomUUID().toString().substring(0, 6);
    String monitorId = monitor(api, victimAdmin, victim, "Secret", word);
    api.post("/api/v1/ingest", OPERATOR, List.of(post("iso-" + victim, "1", word + " private")));
    long mentionId =
        api.get("/api/v1/companies/" + victim + "/mentions", victimAdmin)
            .json()
            .get("items")
            .get(0)
            .get("id")
            .longValue();

    String caseNumber = victimCase(api, victim, victimAdmin, word);
    long customerId =
        api.get("/api/v1/companies/" + victim + "/cases/" + caseNumber, victimAdmin)
            .json()
            .get("customer")
            .get("id")
            .longValue();

    String sourceId =
        api.post(
                "/api/v1/sources",
                OPERATOR,
                Map.of(
                    "type",
                    "discourse",
                    "url",
                    "http://public.example:9/",
                    "enabled",
                    false,
                    "name",
                    "iso-" + victim))
            .json()
            .get("id")
            .stringValue();
    String src = "/api/v1/sources/" + sourceId;
    String v = "/api/v1/companies/" + victim;
    String i = "/api/v1/companies/" + intruder;
    long cannedId =
        api.post(
                v + "/canned-responses",
                victimAdmin,
                Map.of("title", "Secret " + word, "body", word + " {{customer.name}}"))
            .json()
            .get("id")
            .longValue();
    UUID victimPerson = CaveatTestUtils.person(api, victimAdmin, victim, "Vic Tim");
    String victimTokenId =
        api.post(v + "/tokens", victimAdmin, Map.of("role", "rep")).json().get("id").stringValue();
    Map<String, Object> canned = Map.of("title", "x", "body", "x");
    Map<String, String> monitorBody = Map.of("name", "Hijack", "query", "anything");
    List<Call> calls =
        List.of(
            new Call("GET", "/api/v1/companies", "/api/v1/companies", null, 200),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/monitors/batch",
                v + "/monitors/batch",
                Map.of("monitors", List.of(Map.of("name", "Hijack", "query", "x"))),
                404),
            new Call("GET", "/api/v1/imports", "/api/v1/imports", null, 403),
            new Call("POST", "/api/v1/imports", "/api/v1/imports", List.of(), 403),
            new Call(
                "GET", "/api/v1/imports/{id}", "/api/v1/imports/" + UUID.randomUUID(), null, 403),
            new Call("GET", "/api/v1/sources", "/api/v1/sources", null, 403),
            new Call(
                "POST",
                "/api/v1/sources",
                "/api/v1/sources",
                Map.of("type", "discourse", "url", "http://public.example:9/"),
                403),
            new Call("GET", "/api/v1/sources/{id}", src, null, 403),
            new Call("PATCH", "/api/v1/sources/{id}", src, Map.of("enabled", true), 403),
            new Call("DELETE", "/api/v1/sources/{id}", src, null, 403),
            new Call("POST", "/api/v1/sources/{id}/poll", src + "/poll", Map.of(), 403),
            new Call(
                "POST",
                "/api/v1/webhooks/{id}",
                "/api/v1/webhooks/" + sourceId,
                List.of(post("iso", "1", "x")),
                404),
            new Call(
                "POST",
                "/api/v1/companies",
                "/api/v1/companies",
                Map.of("name", "X", "slug", uniqueSlug("x")),
                403),
            new Call("GET", "/api/v1/companies/{slug}", v, null, 404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/tokens",
                v + "/tokens",
                Map.of("role", "admin"),
                404),
            new Call("GET", "/api/v1/companies/{slug}/tokens", v + "/tokens", null, 404),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/users/{id}",
                v + "/users/" + victimPerson,
                null,
                404),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/tokens/{id}",
                v + "/tokens/" + victimTokenId,
                null,
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/users",
                v + "/users",
                Map.of(
                    "email",
                    "spy@x.example",
                    "name",
                    "Spy",
                    "password",
                    "long-enough-password",
                    "role",
                    "admin"),
                404),
            new Call("GET", "/api/v1/companies/{slug}/monitors", v + "/monitors", null, 404),
            new Call(
                "POST", "/api/v1/companies/{slug}/monitors", v + "/monitors", monitorBody, 404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/monitors/{id}",
                v + "/monitors/" + monitorId,
                monitorBody,
                404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/monitors/{id}",
                i + "/monitors/" + monitorId,
                monitorBody,
                404,
                403),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/monitors/{id}",
                v + "/monitors/" + monitorId,
                null,
                404),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/monitors/{id}",
                i + "/monitors/" + monitorId,
                null,
                404,
                403),
            new Call("GET", "/api/v1/companies/{slug}/mentions", v + "/mentions", null, 404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/mentions/{id}",
                v + "/mentions/" + mentionId,
                null,
                404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/mentions/{id}",
                i + "/mentions/" + mentionId,
                null,
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/mentions/{id}/intent",
                v + "/mentions/" + mentionId + "/intent",
                Map.of("intent", "spam"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/mentions/{id}/intent",
                i + "/mentions/" + mentionId + "/intent",
                Map.of("intent", "spam"),
                404),
            new Call("GET", "/api/v1/companies/{slug}/cases", v + "/cases", null, 404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/cases/{number}",
                v + "/cases/" + caseNumber,
                null,
                404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/cases/{number}",
                i + "/cases/" + caseNumber,
                null,
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/resolve",
                v + "/cases/" + caseNumber + "/resolve",
                Map.of("resolution", "spam"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/resolve",
                i + "/cases/" + caseNumber + "/resolve",
                Map.of("resolution", "spam"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/reopen",
                v + "/cases/" + caseNumber + "/reopen",
                Map.of(),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/reopen",
                i + "/cases/" + caseNumber + "/reopen",
                Map.of(),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/notes",
                v + "/cases/" + caseNumber + "/notes",
                Map.of("text", "x"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/notes",
                i + "/cases/" + caseNumber + "/notes",
                Map.of("text", "x"),
                404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/customers/{id}",
                v + "/customers/" + customerId,
                null,
                404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/customers/{id}",
                i + "/customers/" + customerId,
                null,
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/customers/{id}/merge",
                v + "/customers/" + customerId + "/merge",
                Map.of("customer", customerId),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/customers/{id}/merge",
                i + "/customers/" + customerId + "/merge",
                Map.of("customer", customerId),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/customers/{id}/unmerge",
                v + "/customers/" + customerId + "/unmerge",
                Map.of("customer", customerId),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/customers/{id}/link-codes",
                v + "/customers/" + customerId + "/link-codes",
                Map.of(),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/customers/{id}/identities",
                v + "/customers/" + customerId + "/identities",
                Map.of("source", "email", "handle", "intruder@example.org"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/customers/{id}/identities",
                i + "/customers/" + customerId + "/identities",
                Map.of("source", "email", "handle", "intruder@example.org"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/replies",
                v + "/cases/" + caseNumber + "/replies",
                Map.of("text", "x"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/replies",
                i + "/cases/" + caseNumber + "/replies",
                Map.of("text", "x"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/assign",
                v + "/cases/" + caseNumber + "/assign",
                Map.of(),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/assign",
                i + "/cases/" + caseNumber + "/assign",
                Map.of(),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/rep-request",
                v + "/cases/" + caseNumber + "/rep-request",
                Map.of("name", "Ana"),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/rep-request",
                i + "/cases/" + caseNumber + "/rep-request",
                Map.of("name", "Ana"),
                404),
            new Call("GET", "/api/v1/companies/{slug}/teams", v + "/teams", null, 404),
            new Call(
                "POST", "/api/v1/companies/{slug}/teams", v + "/teams", Map.of("name", "x"), 404),
            new Call("GET", "/api/v1/companies/{slug}/teams/{id}", v + "/teams/1", null, 404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/teams/{id}",
                v + "/teams/1",
                Map.of("name", "x"),
                404),
            new Call("DELETE", "/api/v1/companies/{slug}/teams/{id}", v + "/teams/1", null, 404),
            new Call("GET", "/api/v1/companies/{slug}/reps", v + "/reps", null, 404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/reps/{userId}",
                v + "/reps/" + UUID.randomUUID(),
                null,
                404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/reps/{userId}",
                v + "/reps/" + UUID.randomUUID(),
                Map.of("capacity", 1),
                404),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/reps/{userId}",
                v + "/reps/" + UUID.randomUUID(),
                null,
                404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/reps/{userId}/availability",
                v + "/reps/" + UUID.randomUUID() + "/availability",
                Map.of("available", false),
                404),
            new Call("GET", "/api/v1/companies/{slug}/routing", v + "/routing", null, 404),
            new Call("PUT", "/api/v1/companies/{slug}/routing", v + "/routing", Map.of(), 404),
            new Call("GET", "/api/v1/companies/{slug}/sla", v + "/sla", null, 404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/sla",
                v + "/sla",
                Map.of("firstResponse", "PT1H"),
                404),
            new Call("DELETE", "/api/v1/companies/{slug}/sla", v + "/sla", null, 404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/teams/{id}/sla",
                v + "/teams/1/sla",
                Map.of("firstResponse", "PT1H"),
                404),
            new Call(
                "DELETE", "/api/v1/companies/{slug}/teams/{id}/sla", v + "/teams/1/sla", null, 404),
            new Call("GET", "/api/v1/companies/{slug}/sla/report", v + "/sla/report", null, 404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/canned-responses",
                v + "/canned-responses",
                null,
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/canned-responses",
                v + "/canned-responses",
                canned,
                404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/canned-responses/{id}",
                v + "/canned-responses/" + cannedId,
                null,
                404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/canned-responses/{id}",
                i + "/canned-responses/" + cannedId,
                null,
                404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/canned-responses/{id}",
                v + "/canned-responses/" + cannedId,
                canned,
                404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/canned-responses/{id}",
                i + "/canned-responses/" + cannedId,
                canned,
                404,
                403),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/canned-responses/{id}",
                v + "/canned-responses/" + cannedId,
                null,
                404),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/canned-responses/{id}",
                i + "/canned-responses/" + cannedId,
                null,
                404,
                403),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/cases/{number}/canned-responses/{id}",
                v + "/cases/" + caseNumber + "/canned-responses/" + cannedId,
                null,
                404),
            new Call(
                "GET",
                "/api/v1/companies/{slug}/cases/{number}/canned-responses/{id}",
                i + "/cases/" + caseNumber + "/canned-responses/" + cannedId,
                null,
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/replying",
                v + "/cases/" + caseNumber + "/replying",
                Map.of(),
                404),
            new Call(
                "POST",
                "/api/v1/companies/{slug}/cases/{number}/replying",
                i + "/cases/" + caseNumber + "/replying",
                Map.of(),
                404),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/cases/{number}/replying",
                v + "/cases/" + caseNumber + "/replying",
                null,
                404),
            new Call(
                "DELETE",
                "/api/v1/companies/{slug}/cases/{number}/replying",
                i + "/cases/" + caseNumber + "/replying",
                null,
                404),
            new Call(
                "POST",
                "/api/v1/ingest",
                "/api/v1/ingest",
                List.of(post("iso-" + victim, "1", "x")),
                403),
            new Call("POST", "/api/v1/classify", "/api/v1/classify", Map.of("text", "hi"), 200),
            new Call("GET", "/api/v1/companies/{slug}/products", v + "/products", null, 404),
            new Call(
                "PUT",
                "/api/v1/companies/{slug}/products",
                v + "/products",
                Map.of("products", List.of(Map.of("name", "x"))),
                404),
            new Call("GET", "/api/v1/classifier/models", "/api/v1/classifier/models", null, 403),
            new Call(
                "POST", "/api/v1/classifier/retrain", "/api/v1/classifier/retrain", Map.of(), 403),
            new Call(
                "POST",
                "/api/v1/classifier/models/{version}/activate",
                "/api/v1/classifier/models/1/activate",
                Map.of(),
                403));

    for (String token : List.of(intruderAdmin, intruderRep)) {
      for (Call call : calls) {
        ApiClient.Response response = send(api, token, call);
        assertThat(response.status())
            .as(call.method() + " " + call.path() + ": " + response.body())
            .isEqualTo(token.equals(intruderRep) ? call.repStatus() : call.adminStatus());
        assertThat(response.body()).doesNotContain(word).doesNotContain("Company " + victim);
      }
    }

    ApiClient.Response ownList = api.get("/api/v1/companies", intruderAdmin);
    assertThat(
            ownList
                .json()
                .get("items")
                .valueStream()
                .map(c -> c.get("slug").stringValue())
                .toList())
        .containsExactly(intruder);
    ApiClient.Response missing =
        api.get("/api/v1/companies/no-such-company-" + word, intruderAdmin);
    ApiClient.Response hidden = api.get(v, intruderAdmin);
    assertThat(hidden.json().get("detail").stringValue().replace(victim, "?"))
        .isEqualTo(
            missing.json().get("detail").stringValue().replace("no-such-company-" + word, "?"));

    assertThat(mentionTexts(api, victimAdmin, victim)).contains(word + " private");
    assertThat(
            api.get(v + "/canned-responses/" + cannedId, victimAdmin)
                .json()
                .get("body")
                .stringValue())
        .isEqualTo(word + " {{customer.name}}");
    assertThat(
            api.get(v + "/monitors", victimAdmin)
                .json()
                .get("items")
                .get(0)
                .get("query")
                .stringValue())
        .isEqualTo(word);

    assertThat(
            api.get(v + "/tokens", victimAdmin)
                .json()
                .get("items")
                .valueStream()
                .filter(t -> t.get("id").stringValue().equals(victimTokenId)))
        .as("the victim's token, still not revoked")
        .singleElement()
        .satisfies(t -> assertThat(t.get("revokedAt").isNull()).isTrue());
    Set<String> walked = new TreeSet<>();
    calls.forEach(call -> walked.add(call.method() + " " + call.pattern()));
    assertThat(walked).as("every API path is walked").containsAll(apiEndpoints());
  }

  /** A case of the victim's, from a complaint only its monitor hears. */
  private static String victimCase(ApiClient api, String victim, String token, String word) {
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        List.of(
            Map.of(
                "source",
                "iso-" + victim,
                "externalId",
                "2",
                "author",
                Map.of("handle", "vic"),
                "text",
                word + " router died again and support hung up on me, this is the third time")));
    return org.awaitility.Awaitility.await("the victim's case opens")
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(
            () -> api.get("/api/v1/companies/" + victim + "/cases", token).json().get("items"),
            items -> !items.isEmpty())
        .get(0)
        .get("number")
        .stringValue();
  }

  private static ApiClient.Response send(ApiClient api, String token, Call call) {
    return switch (call.method()) {
      case "GET" -> api.get(call.path(), token);
      case "POST" -> api.post(call.path(), token, call.body());
      case "PUT" -> api.put(call.path(), token, call.body());
      case "PATCH" -> api.patch(call.path(), token, call.body());
      case "DELETE" -> api.delete(call.path(), token);
      default -> throw new IllegalArgumentException(call.method());
    };
  }

  /** Every method and path the API serves, so a new endpoint cannot skip this walk. */
  private List<String> apiEndpoints() {
    List<String> endpoints = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) ->
                info.getPatternValues().stream()
                    .filter(pattern -> pattern.startsWith("/api/"))
                    .forEach(
                        pattern ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> endpoints.add(method.name() + " " + pattern))));
    return endpoints;
  }
}
