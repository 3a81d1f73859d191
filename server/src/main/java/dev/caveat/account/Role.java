package dev.caveat.account;

import java.util.Locale;

/** What an actor may do: run the hub, administer one company, or work its inbox. */
public enum Role {
  OPERATOR,
  ADMIN,
  REP;

  /** The name used in the API and the database. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromCode(String code) {
    for (Role role : values()) {
      if (role.code().equals(code)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role " + code);
  }

  public boolean allows(Permission permission) {
    return switch (this) {
      case OPERATOR, ADMIN -> true;
      case REP -> permission == Permission.READ;
    };
  }
}
