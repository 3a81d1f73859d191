package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.account.CompanyId;
import dev.caveat.support.IntegrationTestSupport;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules about cases that the database keeps, whatever the code above it does. */
@Tag("persistence")
class CasesIntegrationTest extends IntegrationTestSupport {

  @Autowired Cases cases;
  @Autowired Customers customers;
  @Autowired JdbcClient jdbc;

  @Test
  void aCustomerHasOneCaseThatIsNotResolvedAndNumbersAreUniquePerCompany() {
    CompanyId company = new CompanyId(UUID.randomUUID());
    CompanyId other = new CompanyId(UUID.randomUUID());
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    long customer = customers.resolveAndLock(company, "forum", "ida", "Ida", null, now);
    assertThat(customers.resolveAndLock(company, "forum", "ida", null, null, now))
        .isEqualTo(customer);
    assertThat(customers.resolveAndLock(company, "mastodon", "ida", "Ida", null, now))
        .isNotEqualTo(customer);

    Optional<Long> first = cases.open(company, "T-22222", customer, "complaint", now);
    assertThat(first).isPresent();
    assertThat(cases.open(company, "T-33333", customer, "question", now)).isEmpty();
    assertThat(cases.open(company, "T-22222", null, "question", now)).isEmpty();
    assertThat(cases.open(other, "T-22222", null, "question", now)).isPresent();
    // Without ON CONFLICT the index itself refuses a second open case.
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into care_case (company_id, number, code, customer_id, status,"
                            + " opened_at, updated_at) values (?, 'T-44444', 'ABCDEF', ?,"
                            + " 'waiting', now(), now())")
                    .params(company.value(), customer)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(cases.resolve(company, first.get(), "solved", null, now)).isTrue();
    assertThat(cases.resolve(company, first.get(), "spam", null, now)).isFalse();
    assertThat(cases.open(company, "T-55555", customer, "question", now)).isPresent();
  }
}
