package dev.caveat.core.classify;

/** A model file that cannot be used: not a model, damaged, or from another format or features. */
public class ModelFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
