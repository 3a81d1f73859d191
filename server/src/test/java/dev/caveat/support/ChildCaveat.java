package dev.caveat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Caveat in a JVM of its own, on the test classpath, so a test can kill it outright. */
public final class ChildCaveat implements AutoCloseable {

  private final Process process;
  private final Path dataDir;
  private final int port;

  private ChildCaveat(Process process, Path dataDir, int port) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
  }

  public static ChildCaveat start(Path dataDir, String... extraArgs) {
    try {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      String hosts = System.getProperty("jdk.net.hosts.file");
      if (hosts != null) {
        command.add("-Djdk.net.hosts.file=" + hosts);
      }
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              "dev.caveat.CaveatApplication",
              "--server.port=" + port,
              "--caveat.data-dir=" + dataDir,
              "--caveat.bootstrap.token=" + CaveatTestUtils.OPERATOR));
      command.addAll(List.of(extraArgs));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dataDir.resolve("caveat.log").toFile()))
              .start();
      ChildCaveat child = new ChildCaveat(process, dataDir, port);
      child.awaitHealthy();
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public ApiClient api() {
    return new ApiClient(port);
  }

  /** SIGKILL: no shutdown hooks, no clean close of anything. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A connection to the child's embedded database, found through its postmaster.pid. */
  public Connection database() throws IOException, SQLException {
    List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/caveat", "postgres", "");
  }

  private void awaitHealthy() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "Caveat exited early:\n" + Files.readString(dataDir.resolve("caveat.log")));
              }
              return api().get("/actuator/health", null).status() == 200;
            });
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
