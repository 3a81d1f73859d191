package dev.caveat.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo people's password: {@code caveat.demo.password} when given, otherwise one made at the
 * first demo start and kept, readable only by its owner, in the data directory.
 */
@Component
class DemoPassword {

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private final String configured;
  private final Path file;

  DemoPassword(
      @Value("${caveat.demo.password:}") String configured,
      @Value("${caveat.data-dir:./data}") Path dataDir) {
    this.configured = configured;
    this.file = dataDir.resolve("demo-password");
  }

  String get() {
    if (!configured.isBlank()) {
      return configured;
    }
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      String made = make();
      Files.createDirectories(file.getParent());
      Files.writeString(file, made + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the demo password in " + file, e);
    }
  }

  private static String make() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
