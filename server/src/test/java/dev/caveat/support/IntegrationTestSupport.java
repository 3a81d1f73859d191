package dev.caveat.support;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Caveat started whole on a random port with its own database: the embedded PostgreSQL by default,
 * or the external one named by CAVEAT_DB_URL. One context serves every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestSupport {

  private static final Path DATA_DIR = CaveatTestUtils.newDataDir();

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void caveatProperties(DynamicPropertyRegistry registry) {
    registry.add("caveat.data-dir", DATA_DIR::toString);
    registry.add("caveat.bootstrap.token", () -> CaveatTestUtils.OPERATOR);
    registry.add("caveat.sources.allowed-addresses", () -> "127.0.0.2");
    registry.add("caveat.fetch.timeout", () -> "3s");
    registry.add("caveat.fetch.max-bytes", () -> "2097152");
    registry.add("caveat.sources.poll-tick", () -> "200ms");
    registry.add("caveat.care.rel-me.tick", () -> "200ms");
    // Only a received Webmention's own wake-up verifies it: the catch-up tick runs at start alone.
    registry.add("caveat.webmention.tick", () -> "1h");
  }

  protected ApiClient api() {
    return new ApiClient(port);
  }
}
