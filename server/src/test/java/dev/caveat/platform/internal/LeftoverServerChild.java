package dev.caveat.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresServerIntegrationTest}: starts the embedded
 * server, stores a row, says READY and waits to be killed.
 */
public final class LeftoverServerChild {

  private LeftoverServerChild() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists survivor (note text)");
      statement.execute("insert into survivor values ('written before the kill')");
    }
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}
