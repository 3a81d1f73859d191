package dev.caveat.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caveat.support.CaveatTestUtils;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded database survives a killed Caveat and refuses to be shared. */
class EmbeddedPostgresServerIntegrationTest {

  @Test
  void aServerLeftByAKilledRunIsStoppedAndItsDataKept() throws Exception {
    Path dataDir = CaveatTestUtils.newDataDir();
    Process child = startChild(dataDir);
    try {
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another Caveat is running with the data directory");
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    long leftoverPid = postmasterPid(dataDir);
    assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive)).contains(true);

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
      assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      try (Connection connection =
              DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select note from survivor")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("written before the kill");
      }
    }
  }

  @Test
  void commitsAreFlushedToDisk() throws Exception {
    try (EmbeddedPostgresServer server =
            EmbeddedPostgresServer.start(CaveatTestUtils.newDataDir());
        Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
        Statement statement = connection.createStatement()) {
      for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
        try (ResultSet value = statement.executeQuery("show " + setting)) {
          value.next();
          assertThat(value.getString(1)).as(setting).isEqualTo("on");
        }
      }
    }
  }

  private static Process startChild(Path dataDir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LeftoverServerChild.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = output.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.equals("READY")) {
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> {}));
        drain.setDaemon(true);
        drain.start();
        return child;
      }
    }
    throw new IllegalStateException("The child server never became ready:\n" + seen);
  }

  private static long postmasterPid(Path dataDir) throws Exception {
    return Long.parseLong(
        Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
            .getFirst()
            .strip());
  }
}
