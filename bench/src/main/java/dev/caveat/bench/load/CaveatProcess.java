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
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path dataDir = Files.createTempDirectory("caveat-load");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx" + heap,
                    "--add-modules",
                    "jdk.incubator.vector",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--caveat.data-dir=" + dataDir,
                    "--caveat.bootstrap.token=" + token,
                    "--caveat.sources.polling.enabled=false",
                    // The load run's own Jetstream stand-in listens on loopback.
                    "--caveat.sources.allowed-addresses=127.0.0.1",
                    "--logging.level.root=WARN"))
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("caveat.log").toFile())
            .start();
    CaveatProcess caveat = new CaveatProcess(process, port, dataDir);
    caveat.awaitHealthy(Duration.ofMinutes(3));
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
