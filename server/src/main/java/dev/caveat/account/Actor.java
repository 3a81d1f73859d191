package dev.caveat.account;

import java.util.UUID;

/** Who is making a request: a signed-in person or the holder of an API token. */
public sealed interface Actor {

  UUID id();

  String name();

  /** A hub operator may act for every company. */
  boolean operator();

  /** A person signed in with e-mail and password; their roles are their memberships. */
  record Person(UUID id, String name, String email, boolean operator) implements Actor {}

  /**
   * An API token; a company token acts for its one company only. A token issued to a person acts as
   * them: {@code id} and {@code name} are the person's; otherwise {@code id} is the token's own.
   */
  record Token(UUID id, String name, Role role, CompanyId company) implements Actor {

    @Override
    public boolean operator() {
      return role == Role.OPERATOR;
    }
  }
}
