package dev.caveat.listening;

/** What became of one post offered to {@link PostIntake}. */
public sealed interface IntakeOutcome {

  /**
   * Taken for the first time; {@code mentions} companies' monitors matched it (a copy of a post a
   * company already has counts toward that mention instead).
   */
  record Accepted(int mentions) implements IntakeOutcome {}

  /** Already stored under the same source and external id; nothing changed. */
  record Duplicate() implements IntakeOutcome {}

  /** Not stored, for the reason given. */
  record Rejected(String reason) implements IntakeOutcome {}
}
