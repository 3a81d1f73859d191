package dev.caveat.account;

/** What an actor wants to do with a company's data. */
public enum Permission {
  /** See mentions, cases and settings. */
  READ,
  /** Change monitors, people and tokens. */
  ADMINISTER
}
