package dev.caveat.account.internal;

import dev.caveat.account.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A header with a token we do not know is
 * answered 401 at once rather than passed on as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final Tokens tokens;
  private final byte[] bootstrapHash;
  private final ProblemResponses problems;

  BearerTokenFilter(Tokens tokens, String bootstrapToken, ProblemResponses problems) {
    this.tokens = tokens;
    this.bootstrapHash =
        bootstrapToken == null || bootstrapToken.isBlank() ? null : Tokens.hash(bootstrapToken);
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String token = header.substring(BEARER.length()).strip();
    Optional<Actor.Token> actor = token.isEmpty() ? Optional.empty() : resolve(token);
    if (actor.isEmpty()) {
      problems.write(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "The bearer token is not valid; it may have been revoked.");
      return;
    }
    SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(actor.get()));
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private Optional<Actor.Token> resolve(String token) {
    if (bootstrapHash != null && MessageDigest.isEqual(bootstrapHash, Tokens.hash(token))) {
      return Optional.of(dev.caveat.account.Accounts.SYSTEM);
    }
    return tokens.find(token);
  }

  /** A request authenticated by an API token. */
  static final class TokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;
    private final transient Actor.Token actor;

    TokenAuthentication(Actor.Token actor) {
      super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
      this.actor = actor;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Actor.Token getPrincipal() {
      return actor;
    }
  }
}
