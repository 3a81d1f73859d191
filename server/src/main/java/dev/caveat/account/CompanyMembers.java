package dev.caveat.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The people of a company, for modules that work with them by id, such as care putting reps on
 * teams. The caller has checked who asks through {@link CompanyAccess}.
 */
public interface CompanyMembers {

  /** The company's member with this user id; empty when the person is not a member. */
  Optional<Accounts.Member> find(CompanyId company, UUID userId);

  /** The company's members among these user ids, by name; ids of non-members are skipped. */
  List<Accounts.Member> findAll(CompanyId company, Collection<UUID> userIds);
}
