package dev.caveat.account.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import dev.caveat.account.Role;
import dev.caveat.platform.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
class MembershipAccess implements CompanyAccess {

  private final Companies companies;
  private final Users users;

  MembershipAccess(Companies companies, Users users) {
    this.companies = companies;
    this.users = users;
  }

  @Override
  public Company require(Actor actor, String slug, Permission permission) {
    Optional<Company> found = companies.findBySlug(slug);
    Optional<Role> role = found.flatMap(company -> roleOf(actor, company));
    if (role.isEmpty()) {
      throw ApiException.notFound("There is no company '" + slug + "' that you can see.");
    }
    if (!role.get().allows(permission)) {
      throw ApiException.forbidden(
          "Your role in " + found.get().name() + " does not allow this; ask a company admin.");
    }
    return found.get();
  }

  @Override
  public List<Company> visibleTo(Actor actor) {
    if (actor.operator()) {
      return companies.findAll();
    }
    return switch (actor) {
      case Actor.Person person -> companies.findForUser(person.id());
      case Actor.Token token -> companies.findById(token.company()).stream().toList();
    };
  }

  private Optional<Role> roleOf(Actor actor, Company company) {
    if (actor.operator()) {
      return Optional.of(Role.OPERATOR);
    }
    return switch (actor) {
      case Actor.Person person -> users.roleIn(person.id(), company.id());
      case Actor.Token token ->
          company.id().equals(token.company()) ? Optional.of(token.role()) : Optional.empty();
    };
  }
}
