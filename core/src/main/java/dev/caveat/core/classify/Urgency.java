package dev.caveat.core.classify;

import java.util.Locale;

/** Why a post may need an answer soon. Several may hold at once. */
public enum Urgency {
  /** Threatens to leave, cancel, switch to a competitor or never buy again. */
  CHURN,
  /** Lawyer, lawsuit, court, consumer authority, chargeback. */
  LEGAL,
  /** Fire, smoke, burns, electric shock, injury, gas, food poisoning, brakes. */
  SAFETY,
  /** A service down for many or for long: internet, power, network, app, site. */
  OUTAGE,
  /** The author has a large audience ({@link Reach#large()}). */
  REACH;

  /** The lower-case name used in the API and data files, such as {@code churn}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The flag named by {@code code}, in any case. */
  public static Urgency of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
