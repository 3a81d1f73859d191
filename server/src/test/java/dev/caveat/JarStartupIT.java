package dev.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as the README says, on embedded defaults: healthy, serving, and leaving
 * no database server behind when stopped.
 */
class JarStartupIT {

  static final Duration PATIENCE = Duration.ofSeconds(120);

  @Test
  void thePackagedJarStartsHealthyAndStopsCleanly() throws Exception {
    Path jar = Path.of("target", "caveat.jar");
    assertThat(jar).exists();
    Path dataDir = CaveatTestUtils.newDataDir();
    Path log = dataDir.resolve("caveat.log");
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");

    long started = System.nanoTime();
    Process caveat =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--caveat.data-dir=" + dataDir,
                "--caveat.bootstrap.token=" + CaveatTestUtils.OPERATOR)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      ApiClient api = new ApiClient(port);
      Duration healthyAfter = waitUntilHealthy(api, caveat, started, log);
      System.out.printf("caveat.jar healthy after %.1f s%n", healthyAfter.toMillis() / 1000.0);
      assertThat(api.get("/api/v1/companies", CaveatTestUtils.OPERATOR).status()).isEqualTo(200);
      assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).exists();
    } finally {
      caveat.destroy();
      assertThat(caveat.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
    assertThat(dataDir.resolve("postgres").resolve("postmaster.pid"))
        .as("the embedded database was shut down with it")
        .doesNotExist();
  }

  private static Duration waitUntilHealthy(ApiClient api, Process caveat, long started, Path log)
      throws Exception {
    long deadline = started + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!caveat.isAlive()) {
        throw new AssertionError("caveat.jar exited early:\n" + Files.readString(log));
      }
      try {
        ApiClient.Response health = api.get("/actuator/health", null);
        if (health.status() == 200) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      } catch (RuntimeException notListeningYet) {
        // The port opens only once the application has started.
      }
      caveat.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
    }
    throw new AssertionError(
        "caveat.jar was not healthy within " + PATIENCE + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
