package dev.caveat.account.internal;

import dev.caveat.account.Actor;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in through the form; kept in the HTTP session. */
record SignedInUser(Actor.Person actor, String passwordHash) implements UserDetails {

  @Serial private static final long serialVersionUID = 1L;

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(actor.operator() ? "ROLE_OPERATOR" : "ROLE_USER"));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return actor.email();
  }
}
