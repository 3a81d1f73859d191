package dev.caveat.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error an API caller can act on. It becomes a problem detail (RFC 9457) whose {@code detail} is
 * the message and whose extra members are {@link #properties()}.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final transient Map<String, Object> properties;

  public ApiException(HttpStatus status, String detail) {
    this(status, detail, Map.of());
  }

  public ApiException(HttpStatus status, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.properties = Map.copyOf(properties);
  }

  public HttpStatus status() {
    return status;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  /** What does not exist, or what the caller may not know exists. */
  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, detail);
  }
}
