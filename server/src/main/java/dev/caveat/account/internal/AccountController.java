package dev.caveat.account.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import dev.caveat.account.Role;
import dev.caveat.platform.ApiException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/companies")
class AccountController {

  record CreateCompany(String name, String slug) {}

  record CompanyView(UUID id, String slug, String name, Instant createdAt) {
    static CompanyView of(Company company) {
      return new CompanyView(
          company.id().value(), company.slug(), company.name(), company.createdAt());
    }
  }

  record CompanyList(List<CompanyView> items) {}

  /** {@code user}: a member's user id, when the token is to act as that person. */
  record CreateToken(String role, String label, UUID user) {}

  record TokenIssued(UUID id, String token, String company, String role, UUID user) {}

  record TokenView(
      UUID id, String label, String role, UUID user, Instant createdAt, Instant revokedAt) {
    static TokenView of(Tokens.Listed t) {
      return new TokenView(
          t.id(), t.label(), t.role().code(), t.user(), t.createdAt(), t.revokedAt());
    }
  }

  record TokenList(List<TokenView> items) {}

  record AddPerson(String email, String name, String password, String role) {}

  record PersonView(UUID id, String email, String name, String role, String company) {}

  private final Accounts accounts;
  private final CompanyAccess access;
  private final Tokens tokens;

  AccountController(Accounts accounts, CompanyAccess access, Tokens tokens) {
    this.accounts = accounts;
    this.access = access;
    this.tokens = tokens;
  }

  @PostMapping
  ResponseEntity<CompanyView> create(Actor actor, @RequestBody CreateCompany request) {
    Company company = accounts.createCompany(actor, request.slug(), request.name());
    return ResponseEntity.created(URI.create("/api/v1/companies/" + company.slug()))
        .body(CompanyView.of(company));
  }

  @GetMapping
  CompanyList list(Actor actor) {
    return new CompanyList(access.visibleTo(actor).stream().map(CompanyView::of).toList());
  }

  @GetMapping("/{slug}")
  CompanyView show(Actor actor, @PathVariable String slug) {
    return CompanyView.of(access.require(actor, slug, Permission.READ));
  }

  @PostMapping("/{slug}/tokens")
  ResponseEntity<TokenIssued> issueToken(
      Actor actor, @PathVariable String slug, @RequestBody CreateToken request) {
    Role role = companyRole(request.role());
    Accounts.IssuedToken issued =
        accounts.issueToken(actor, slug, role, request.label(), request.user());
    return ResponseEntity.status(201)
        .body(new TokenIssued(issued.id(), issued.token(), slug, role.code(), request.user()));
  }

  /** The company's tokens, newest first, with when each was revoked; never their secrets. */
  @GetMapping("/{slug}/tokens")
  TokenList tokens(Actor actor, @PathVariable String slug) {
    Company company = access.require(actor, slug, Permission.ADMINISTER);
    return new TokenList(tokens.list(company.id()).stream().map(TokenView::of).toList());
  }

  /** Revokes a token at once, as when it leaked; revoking it again changes nothing. */
  @DeleteMapping("/{slug}/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeToken(Actor actor, @PathVariable String slug, @PathVariable UUID id) {
    accounts.revokeToken(actor, slug, id);
  }

  @PostMapping("/{slug}/users")
  ResponseEntity<PersonView> addPerson(
      Actor actor, @PathVariable String slug, @RequestBody AddPerson request) {
    Role role = companyRole(request.role());
    Accounts.Member member =
        accounts.addPerson(actor, slug, request.email(), request.name(), request.password(), role);
    return ResponseEntity.status(201)
        .body(new PersonView(member.id(), member.email(), member.name(), role.code(), slug));
  }

  /** Takes the person out of the company; their work goes back to their teams. */
  @DeleteMapping("/{slug}/users/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removePerson(Actor actor, @PathVariable String slug, @PathVariable UUID id) {
    accounts.removePerson(actor, slug, id);
  }

  static Role companyRole(String code) {
    if ("admin".equals(code)) {
      return Role.ADMIN;
    }
    if ("rep".equals(code)) {
      return Role.REP;
    }
    throw ApiException.badRequest("role must be 'admin' or 'rep'");
  }
}
