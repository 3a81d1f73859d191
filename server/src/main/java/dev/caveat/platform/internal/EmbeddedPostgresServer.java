package dev.caveat.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Caveat runs itself when no external database is configured. Its data lives
 * under {@code <data-dir>/postgres} and survives restarts; unlike the library's test defaults,
 * every commit is flushed to disk.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  static final String DATABASE = "caveat";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final int MAX_SOCKET_PATH = 100;

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(
      FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.postgres = postgres;
  }

  static EmbeddedPostgresServer start(Path dataDir) {
    Path root = dataDir.toAbsolutePath().normalize();
    Path pgData = root.resolve("postgres");
    FileChannel channel = null;
    try {
      Files.createDirectories(root);
      channel =
          FileChannel.open(
              root.resolve("caveat.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new IllegalStateException(
            "Another Caveat is running with the data directory "
                + root
                + "; stop it first or start this one with another --caveat.data-dir");
      }
      stopLeftoverServer(pgData);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(90))
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "100")
              .setServerConfig("unix_socket_directories", socketDirectory(pgData))
              .setServerConfig("listen_addresses", "localhost");
      EmbeddedPostgres postgres = builder.start();
      createDatabaseIfMissing(postgres);
      log.info(
          "Embedded PostgreSQL is up on port {} with its data in {}", postgres.getPort(), pgData);
      return new EmbeddedPostgresServer(channel, lock, postgres);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  String user() {
    return "postgres";
  }

  /**
   * A killed JVM leaves its postgres child running and holding the data directory. We hold the
   * directory lock, so no live Caveat owns that server: stop it before starting our own.
   */
  private static void stopLeftoverServer(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> leftover = leftoverPostgres(pidFile);
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle process = leftover.get();
    log.warn(
        "Stopping a PostgreSQL server (pid {}) left running on {} by an earlier Caveat",
        process.pid(),
        pgData);
    process.destroy();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception stillRunning) {
      process.destroyForcibly();
      process.onExit().join();
    }
  }

  private static Optional<ProcessHandle> leftoverPostgres(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.getFirst().strip());
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            handle ->
                handle.info().command().map(command -> command.contains("postgres")).orElse(true));
  }

  /** Keeps the socket beside the data when the path fits the kernel's limit; else TCP only. */
  private static String socketDirectory(Path pgData) {
    String dir = pgData.toString();
    return dir.length() + ".s.PGSQL.65535.lock".length() + 1 < MAX_SOCKET_PATH ? dir : "";
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + DATABASE + " encoding 'UTF8'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.error("Could not stop the embedded PostgreSQL cleanly", e);
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        log.warn("Could not release the data directory lock", e);
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing only releases the lock; nothing is lost if that fails.
      }
    }
  }
}
