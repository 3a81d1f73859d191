package dev.caveat.core.post;

/** A post that cannot be stored; the message is a reason a sender can act on. */
public final class InvalidPostException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidPostException(String reason) {
    super(reason);
  }
}
