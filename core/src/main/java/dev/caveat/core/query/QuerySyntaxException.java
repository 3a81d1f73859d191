package dev.caveat.core.query;

/**
 * A monitor query that cannot be parsed. {@link #position()} is 1-based, counted in characters of
 * the query as typed, so an editor can put the cursor there.
 */
public final class QuerySyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int position;
  private final String expected;

  QuerySyntaxException(int position, String expected, String problem) {
    super("At position " + position + ": " + problem);
    this.position = position;
    this.expected = expected;
  }

  public int position() {
    return position;
  }

  /** What the parser would have accepted at {@link #position()}. */
  public String expected() {
    return expected;
  }
}
