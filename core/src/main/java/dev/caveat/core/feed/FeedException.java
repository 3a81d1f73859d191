package dev.caveat.core.feed;

/** A document that cannot be read as a feed at all; the message says why in a user's words. */
public final class FeedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that react differently to each. */
  public enum Kind {
    /** Not RSS or Atom: an HTML page, JSON, another XML vocabulary, or nothing. */
    NOT_A_FEED,
    /** Not well-formed XML. */
    MALFORMED_XML,
    /** A DTD with declarations, or an entity only a DTD could define; refused, never expanded. */
    DTD_FORBIDDEN,
    /** Bytes that are not valid in the document's encoding, or an encoding Java cannot read. */
    INVALID_ENCODING,
    /** Elements nested deeper than {@link FeedLimits#maxDepth()}. */
    TOO_DEEP,
    /** More bytes than {@link FeedLimits#maxBytes()}; reading stopped at the cap. */
    TOO_LARGE,
    /** The input stream itself failed. */
    READ_FAILED
  }

  private final Kind kind;

  FeedException(Kind kind, String reason) {
    this(kind, reason, null);
  }

  FeedException(Kind kind, String reason, Throwable cause) {
    super(reason, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
