package dev.caveat.support;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Caveat started whole on a random port, with a clock the test moves instead of waiting. One
 * context serves every subclass, apart from the one of {@link IntegrationTestSupport}. The SLA tick
 * is an hour apart, so tests call the evaluator themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClockIntegrationTestSupport.MovableTime.class)
public abstract class MovableClockIntegrationTestSupport {

  private static final Path DATA_DIR = CaveatTestUtils.newDataDir();

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableTime {

    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @LocalServerPort protected int port;
  @Autowired protected MovableClock clock;

  @DynamicPropertySource
  static void caveatProperties(DynamicPropertyRegistry registry) {
    registry.add("caveat.data-dir", DATA_DIR::toString);
    registry.add("caveat.bootstrap.token", () -> CaveatTestUtils.OPERATOR);
    registry.add("caveat.sources.allowed-addresses", () -> "127.0.0.2");
    registry.add("caveat.care.sla.tick", () -> "1h");
    registry.add("caveat.webmention.tick", () -> "1h");
  }

  protected ApiClient api() {
    return new ApiClient(port);
  }
}
