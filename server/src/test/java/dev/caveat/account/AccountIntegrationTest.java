package dev.caveat.account;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.IntegrationTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@Tag("persistence")
class AccountIntegrationTest extends IntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void companiesNeedAFreeWellFormedSlug() {
    ApiClient api = api();
    String slug = uniqueSlug("acme");
    assertThat(
            api.post("/api/v1/companies", OPERATOR, Map.of("name", "Acme", "slug", slug)).status())
        .isEqualTo(201);
    ApiClient.Response taken =
        api.post("/api/v1/companies", OPERATOR, Map.of("name", "Acme again", "slug", slug));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("detail").stringValue()).contains(slug);
    ApiClient.Response bad =
        api.post("/api/v1/companies", OPERATOR, Map.of("name", "Bad", "slug", "Not A Slug!"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").stringValue()).startsWith("slug must be");
    ApiClient.Response nameless =
        api.post("/api/v1/companies", OPERATOR, Map.of("slug", uniqueSlug("x")));
    assertThat(nameless.json().get("detail").stringValue()).isEqualTo("name is required");
  }

  @Test
  void peopleAreStoredWithAnArgon2HashAndTheirRole() {
    ApiClient api = api();
    String slug = uniqueSlug("people");
    String admin = companyWithAdminToken(api, slug);
    String email = "Person." + slug + "@Example.org";

    ApiClient.Response added =
        api.post(
            "/api/v1/companies/" + slug + "/users",
            admin,
            Map.of(
                "email", email, "name", "Pat", "password", "correct horse battery", "role", "rep"));

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("email").stringValue()).isEqualTo(email.toLowerCase());
    assertThat(added.body()).doesNotContain("correct horse battery");
    String hash =
        jdbc.sql("select password_hash from app_user where email = ?")
            .param(email.toLowerCase())
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("correct horse battery");
  }

  @Test
  void weakPasswordsAndUnknownRolesAreRefused() {
    ApiClient api = api();
    String slug = uniqueSlug("weak");
    String admin = companyWithAdminToken(api, slug);
    ApiClient.Response weak =
        api.post(
            "/api/v1/companies/" + slug + "/users",
            admin,
            Map.of(
                "email",
                "w@" + slug + ".example",
                "name",
                "W",
                "password",
                "short",
                "role",
                "rep"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().get("detail").stringValue()).contains("at least 10 characters");
    ApiClient.Response role =
        api.post("/api/v1/companies/" + slug + "/tokens", admin, Map.of("role", "operator"));
    assertThat(role.status()).isEqualTo(400);
    assertThat(role.json().get("detail").stringValue()).isEqualTo("role must be 'admin' or 'rep'");
  }

  @Test
  void aPersonsTokenNeverHoldsMoreThanTheirRoleAndOnlyForTheirCompany() {
    ApiClient api = api();
    String slug = uniqueSlug("own");
    String admin = companyWithAdminToken(api, slug);
    String tokens = "/api/v1/companies/" + slug + "/tokens";
    UUID rep = CaveatTestUtils.person(api, admin, slug, "Rae Rep");

    ApiClient.Response tooMuch =
        api.post(tokens, admin, Map.of("role", "admin", "user", rep.toString()));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().get("detail").stringValue()).contains("role must be 'rep'");

    String other = uniqueSlug("other");
    String otherAdmin = companyWithAdminToken(api, other);
    UUID stranger = CaveatTestUtils.person(api, otherAdmin, other, "Sam Stranger");
    assertThat(api.post(tokens, admin, Map.of("role", "rep", "user", stranger.toString())).status())
        .isEqualTo(404);

    // An admin's own admin token shrinks to a rep's when they are made a rep.
    UUID lead =
        UUID.fromString(
            api.post(
                    "/api/v1/companies/" + slug + "/users",
                    admin,
                    Map.of(
                        "email", "lee-" + slug + "@example.com",
                        "name", "Lee Lead",
                        "password", "correct horse battery",
                        "role", "admin"))
                .json()
                .get("id")
                .stringValue());
    String leads =
        api.post(tokens, admin, Map.of("role", "admin", "user", lead.toString()))
            .json()
            .get("token")
            .stringValue();
    assertThat(api.post(tokens, leads, Map.of("role", "rep")).status()).isEqualTo(201);
    api.post(
        "/api/v1/companies/" + slug + "/users",
        admin,
        Map.of("email", "lee-" + slug + "@example.com", "name", "Lee Lead", "role", "rep"));
    assertThat(api.post(tokens, leads, Map.of("role", "rep")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/companies/" + slug, leads).status()).isEqualTo(200);
  }

  @Test
  void aRepTokenCannotMintTokensAndOnlyAHashIsKept() {
    ApiClient api = api();
    String slug = uniqueSlug("mint");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    assertThat(
            api.post("/api/v1/companies/" + slug + "/tokens", rep, Map.of("role", "admin"))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/v1/companies", rep, Map.of("name", "X", "slug", uniqueSlug("x")))
                .status())
        .isEqualTo(403);
    Integer stored =
        jdbc.sql("select count(*) from api_token where token_hash = sha256(convert_to(?, 'UTF8'))")
            .param(rep)
            .query(Integer.class)
            .single();
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void anAdminListsTheCompanysTokensAndRevokesOneAtOnce() {
    ApiClient api = api();
    String slug = uniqueSlug("revoke");
    String admin = companyWithAdminToken(api, slug);
    ApiClient.Response issued =
        api.post(
            "/api/v1/companies/" + slug + "/tokens",
            admin,
            Map.of("role", "rep", "label", "CRM sync"));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String leaked = issued.json().get("token").stringValue();
    String id = issued.json().get("id").stringValue();
    assertThat(api.get("/api/v1/companies/" + slug, leaked).status()).isEqualTo(200);

    // The list names each token, newest first, and never holds a secret.
    ApiClient.Response listed = api.get("/api/v1/companies/" + slug + "/tokens", admin);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode first = listed.json().get("items").get(0);
    assertThat(first.get("id").stringValue()).isEqualTo(id);
    assertThat(first.get("label").stringValue()).isEqualTo("CRM sync");
    assertThat(first.get("role").stringValue()).isEqualTo("rep");
    assertThat(first.get("revokedAt").isNull()).isTrue();
    assertThat(listed.json().get("items")).hasSize(2);
    assertThat(listed.body()).doesNotContain(leaked).doesNotContain(admin).doesNotContain("cav_");

    // Only an admin of the company sees or revokes them; another company's admin finds nothing.
    assertThat(api.get("/api/v1/companies/" + slug + "/tokens", leaked).status()).isEqualTo(403);
    assertThat(api.delete("/api/v1/companies/" + slug + "/tokens/" + id, leaked).status())
        .isEqualTo(403);
    String otherSlug = uniqueSlug("other");
    String otherAdmin = companyWithAdminToken(api, otherSlug);
    assertThat(api.delete("/api/v1/companies/" + otherSlug + "/tokens/" + id, otherAdmin).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/companies/" + slug, leaked).status()).isEqualTo(200);

    // Revoked, it stops working at the next request; revoking again changes nothing.
    assertThat(api.delete("/api/v1/companies/" + slug + "/tokens/" + id, admin).status())
        .isEqualTo(204);
    ApiClient.Response refused = api.get("/api/v1/companies/" + slug, leaked);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("detail").stringValue()).contains("revoked");
    String revokedAt =
        api.get("/api/v1/companies/" + slug + "/tokens", admin)
            .json()
            .get("items")
            .get(0)
            .get("revokedAt")
            .stringValue();
    assertThat(revokedAt).isNotBlank();
    assertThat(api.delete("/api/v1/companies/" + slug + "/tokens/" + id, admin).status())
        .isEqualTo(204);
    assertThat(
            api.get("/api/v1/companies/" + slug + "/tokens", admin)
                .json()
                .get("items")
                .get(0)
                .get("revokedAt")
                .stringValue())
        .isEqualTo(revokedAt);
    assertThat(
            api.delete("/api/v1/companies/" + slug + "/tokens/" + UUID.randomUUID(), admin)
                .status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/companies/" + slug, admin).status()).isEqualTo(200);
  }
}
