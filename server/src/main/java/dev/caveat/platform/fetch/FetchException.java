package dev.caveat.platform.fetch;

/** A fetch that did not produce a usable response; the message says why, for a source's health. */
public final class FetchException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, so callers can decide whether trying again later can help. */
  public enum Kind {
    /** The address is not one Caveat may reach; retrying will not help. */
    REFUSED_ADDRESS,
    /** The address is not a valid http or https address. */
    BAD_ADDRESS,
    TOO_LARGE,
    TIMEOUT,
    TOO_MANY_REDIRECTS,
    NETWORK
  }

  private final Kind kind;

  public FetchException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public FetchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the same request may succeed later. */
  public boolean transient_() {
    return kind == Kind.TIMEOUT || kind == Kind.NETWORK;
  }
}
