package dev.caveat.account;

import dev.caveat.account.internal.Companies;
import dev.caveat.account.internal.Tokens;
import dev.caveat.account.internal.Users;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating companies, people and tokens, each checked against who asks. */
@Service
public class Accounts {

  /** The hub acting on its own behalf, for start-up work such as the demo. */
  public static final Actor.Token SYSTEM =
      new Actor.Token(new UUID(0, 0), "Caveat", Role.OPERATOR, null);

  static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final int MIN_PASSWORD = 10;

  /** A person's membership as the API shows it. */
  public record Member(UUID id, String email, String name, Role role) {}

  /** A token just issued: its id, by which it is listed and revoked, and its secret, seen once. */
  public record IssuedToken(UUID id, String token) {}

  private final Companies companies;
  private final Users users;
  private final Tokens tokens;
  private final CompanyAccess access;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Accounts(
      Companies companies,
      Users users,
      Tokens tokens,
      CompanyAccess access,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      Clock clock) {
    this.companies = companies;
    this.users = users;
    this.tokens = tokens;
    this.access = access;
    this.passwords = passwords;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Company createCompany(Actor actor, String slug, String name) {
    if (!actor.operator()) {
      throw ApiException.forbidden("Only a hub operator may create companies.");
    }
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw ApiException.badRequest(
          "slug must be 1 to 40 lowercase letters, digits or inner hyphens, such as 'northwind'");
    }
    String cleanName = required(name, "name");
    return companies
        .insert(slug, cleanName, clock.instant())
        .orElseThrow(() -> ApiException.conflict("A company with the slug '" + slug + "' exists."));
  }

  /**
   * Gives a person a role in the company, creating them when the e-mail is new. An existing person
   * keeps their password.
   */
  @Transactional
  public Member addPerson(
      Actor actor, String slug, String email, String name, String password, Role role) {
    Company company = access.require(actor, slug, Permission.ADMINISTER);
    if (role == null || role == Role.OPERATOR) {
      throw ApiException.badRequest("role must be 'admin' or 'rep'");
    }
    if (email == null || !EMAIL.matcher(email.strip()).matches()) {
      throw ApiException.badRequest("email must be an e-mail address");
    }
    String cleanEmail = email.strip().toLowerCase(Locale.ROOT);
    String cleanName = required(name, "name");
    var existing = users.findByEmail(cleanEmail);
    UUID userId;
    if (existing.isPresent()) {
      userId = existing.get().id();
    } else {
      checkPassword(password);
      userId =
          users.insertIfAbsent(
              cleanEmail, cleanName, passwords.encode(password), false, clock.instant());
    }
    users.grant(userId, company.id(), role, clock.instant());
    return new Member(
        userId, cleanEmail, existing.map(Users.StoredUser::name).orElse(cleanName), role);
  }

  /**
   * Takes a person out of the company, and answers their name: their sign-in and their own tokens
   * stop reaching it at once, and {@link MemberRemoved} tells the modules that keep work of theirs.
   * Nobody removes themselves, so a company is never left by accident without the admin who meant
   * to stay.
   */
  @Transactional
  public String removePerson(Actor actor, String slug, UUID person) {
    Company company = access.require(actor, slug, Permission.ADMINISTER);
    if (person.equals(actor.id())) {
      throw ApiException.badRequest(
          "You cannot remove yourself from " + company.name() + "; ask another admin.");
    }
    if (!users.revoke(person, company.id())) {
      throw ApiException.notFound("No person " + person + " in " + company.name() + ".");
    }
    String name = users.nameOf(person).orElse("someone");
    events.publishEvent(
        new MemberRemoved(company.id(), person, name, actor.name(), clock.instant()));
    return name;
  }

  /** Revokes one of the company's tokens at once; revoking it again changes nothing. */
  @Transactional
  public void revokeToken(Actor actor, String slug, UUID token) {
    Company company = access.require(actor, slug, Permission.ADMINISTER);
    if (!tokens.revoke(company.id(), token, clock.instant())) {
      throw ApiException.notFound("No token " + token + " in " + company.name() + ".");
    }
  }

  /** Sets a person's password, for start-up work that knows the person by e-mail. */
  @Transactional
  public void resetPassword(Actor actor, String email, String password) {
    if (!actor.operator()) {
      throw ApiException.forbidden("Only a hub operator may reset passwords.");
    }
    checkPassword(password);
    Users.StoredUser user =
        users
            .findByEmail(email)
            .orElseThrow(() -> ApiException.notFound("No person with the e-mail " + email));
    users.changePassword(user.id(), passwords.encode(password));
  }

  /**
   * Issues a token that acts for the company with the role, as the person {@code person} (a member
   * of the company) when given; returned in the clear once.
   */
  @Transactional
  public IssuedToken issueToken(Actor actor, String slug, Role role, String label, UUID person) {
    Company company = access.require(actor, slug, Permission.ADMINISTER);
    if (role == null || role == Role.OPERATOR) {
      throw ApiException.badRequest("role must be 'admin' or 'rep'");
    }
    if (person != null) {
      Role member =
          users
              .roleIn(person, company.id())
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "No person " + person + " in " + company.name() + "; add them first."));
      if (member == Role.REP && role != Role.REP) {
        throw ApiException.badRequest(
            "role must be 'rep': the person is a rep in " + company.name());
      }
    }
    String cleanLabel = label == null || label.isBlank() ? role.code() + " token" : label.strip();
    return tokens.issue(company.id(), role, cleanLabel, person, clock.instant());
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw ApiException.badRequest(
          "password must be at least " + MIN_PASSWORD + " characters long");
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    if (value.length() > 200) {
      throw ApiException.badRequest(field + " must be at most 200 characters");
    }
    return value.strip();
  }
}
