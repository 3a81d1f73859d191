package dev.caveat.platform;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

/** Health for load balancers, metrics for the operator, and the API description for everyone. */
class OperationsIntegrationTest extends IntegrationTestSupport {

  @Test
  void healthIsPublic() {
    ApiClient.Response health = api().get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
  }

  @Test
  void metricsAreForTheOperator() {
    assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(401);
    ApiClient.Response metrics = api().get("/actuator/prometheus", OPERATOR);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }

  @Test
  void theApiDescribesItself() {
    ApiClient.Response docs = api().get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").propertyNames())
        .contains(
            "/api/v1/companies",
            "/api/v1/companies/{slug}/monitors",
            "/api/v1/companies/{slug}/mentions",
            "/api/v1/companies/{slug}/tokens",
            "/api/v1/ingest");
  }
}
