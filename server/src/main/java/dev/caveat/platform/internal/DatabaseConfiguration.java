package dev.caveat.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code caveat.db.url} (CAVEAT_DB_URL) is set, otherwise
 * the embedded one under {@code caveat.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${caveat.db.url:}'.isBlank()")
  EmbeddedPostgresServer embeddedPostgres(@Value("${caveat.data-dir:./data}") Path dataDir) {
    return EmbeddedPostgresServer.start(dataDir);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${caveat.db.url:}'.isBlank()")
  DataSource embeddedDataSource(EmbeddedPostgresServer server) {
    return pool(server.jdbcUrl(), server.user(), null);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${caveat.db.url:}'.isBlank()")
  DataSource externalDataSource(
      @Value("${caveat.db.url}") String url,
      @Value("${caveat.db.user:}") String user,
      @Value("${caveat.db.password:}") String password) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "CAVEAT_DB_URL must be a PostgreSQL JDBC address such as"
              + " jdbc:postgresql://db.example:5432/caveat, not "
              + url);
    }
    return pool(url, user, password);
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("caveat");
    config.setJdbcUrl(url);
    if (user != null && !user.isBlank()) {
      config.setUsername(user);
    }
    if (password != null && !password.isBlank()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(20);
    return new HikariDataSource(config);
  }
}
