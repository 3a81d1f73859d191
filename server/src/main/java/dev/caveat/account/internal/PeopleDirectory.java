package dev.caveat.account.internal;

import dev.caveat.account.Actor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class PeopleDirectory implements UserDetailsService {

  private final Users users;

  PeopleDirectory(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return users
        .findByEmail(email.strip())
        .map(
            user ->
                new SignedInUser(
                    new Actor.Person(user.id(), user.name(), user.email(), user.operator()),
                    user.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("no such person"));
  }
}
