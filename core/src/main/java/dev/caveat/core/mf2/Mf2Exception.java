package dev.caveat.core.mf2;

/** A page that could not be read at all; the message says why in a user's words. */
public final class Mf2Exception extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that react differently to each. */
  public enum Kind {
    /** More bytes than {@link Mf2Limits#maxBytes()}; reading stopped at the cap. */
    TOO_LARGE,
    /** Elements nested deeper than {@link Mf2Limits#maxDepth()}. */
    TOO_DEEP,
    /** The input stream itself failed. */
    READ_FAILED
  }

  private final Kind kind;

  Mf2Exception(Kind kind, String reason, Throwable cause) {
    super(reason, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
