package dev.caveat.core.mf2;

/**
 * The caps a page must fit under. A page past {@code maxBytes}, or with elements nested deeper than
 * {@code maxDepth}, fails whole. An entry whose microformats nest deeper than {@code maxNesting},
 * or that is read after the page has used up {@code maxProperties} microformats and property
 * values, is quarantined, as is one that needs a value longer than {@code maxFieldChars}. Entries
 * past {@code maxEntries} are skipped.
 */
public record Mf2Limits(
    long maxBytes,
    int maxDepth,
    int maxNesting,
    int maxEntries,
    int maxProperties,
    int maxFieldChars) {

  /**
   * 5 MiB; 512 levels of elements (where browsers stop nesting too); 32 levels of microformats;
   * 1,000 entries; 20,000 microformats and property values; 200,000 characters a value.
   */
  public static final Mf2Limits DEFAULT =
      new Mf2Limits(5L * 1024 * 1024, 512, 32, 1_000, 20_000, 200_000);

  public Mf2Limits {
    if (maxBytes < 1
        || maxDepth < 1
        || maxNesting < 1
        || maxEntries < 1
        || maxProperties < 1
        || maxFieldChars < 1) {
      throw new IllegalArgumentException("microformats limits must be positive");
    }
  }
}
