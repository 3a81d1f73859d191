package dev.caveat.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address the outside world reaches this hub at ({@code caveat.public-url}), for links that
 * leave it: WebSub callbacks, the case pages replies point to. Without one it is this machine's
 * port on localhost, which only suits trying Caveat out.
 */
@Component
public class PublicAddress {

  private final Environment environment;
  private final String configured;

  PublicAddress(Environment environment, @Value("${caveat.public-url:}") String configured) {
    this.environment = environment;
    this.configured = configured;
  }

  /** The base address, without a trailing slash. */
  public String base() {
    return configured.isBlank()
        ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
        : configured.replaceAll("/+$", "");
  }
}
