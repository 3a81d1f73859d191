package dev.caveat.source;

/** A reply that did not go out, with a message a rep can act on. */
public class ReplyException extends Exception {

  public enum Kind {
    /** The source has no way to reply, or no credentials to reply with. */
    UNSUPPORTED,
    /** The source could not be reached, or failed. */
    UNREACHABLE,
    /** The source answered that it will not take this reply. */
    REFUSED
  }

  private final Kind kind;

  public ReplyException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
