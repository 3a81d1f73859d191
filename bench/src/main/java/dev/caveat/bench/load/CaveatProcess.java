package dev.caveat.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The packaged Caveat started in a process of its own, as an operator would run it. */
final class CaveatProcess implements AutoCloseable {

  final Process process;
  final int port;
  final Path dataDir;

  private CaveatProcess(Process process, int port, Path dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  static CaveatProcess start(Path jar, String heap, String token) throws Exception {
    return start(
        jar,
        heap,
        token,
        Files.createTempDirectory("caveat-load"),
        List.of(),
        List.of(),
        Duration.ofMinutes(3));
  }

  /**
   * Starts Caveat on the data directory given, which may hold the data of an earlier run; {@code
   * javaOptions} go to the JVM, {@code options} to Caveat. The log is appended to {@code
   * caveat.log} there.
   */
  static CaveatProcess start(
      Path jar,
      String heap,
      String token,
      Path dataDir,
      List<String> javaOptions,
      List<String> options,
      Duration patience)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(dataDir);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java, "-Xmx" + heap, "--add-modules", "jdk.incubator.vector"));
    command.addAll(javaOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--caveat.data-dir=" + dataDir,
            "--caveat.bootstrap.token=" + token,
            "--caveat.sources.polling.enabled=false",
            // The load run's own Jetstream stand-in listens on loopback.
            "--caveat.sources.allowed-addresses=127.0.0.1",
            "--logging.level.root=WARN"));
    command.addAll(options);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("caveat.log").toFile()))
            .start();
    CaveatProcess caveat = new CaveatProcess(process, port, dataDir);
    caveat.awaitHealthy(patience);
    return caveat;
  }

  private void awaitHealthy(Duration patience) throws Exception {
    Http http = new Http(port, null);
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Caveat exited:\n" + Files.readString(dataDir.resolve("caveat.log")));
      }
      try {
        if (http.get("/actuator/health").status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      process
          .onExit()
          .completeOnTimeout(null, 200, java.util.concurrent.TimeUnit.MILLISECONDS)
          .join();
    }
    throw new IllegalStateException("Caveat was not healthy within " + patience);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
