package dev.caveat.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two ways in: bearer tokens for the API, actuator and API description (stateless, answered with
 * problem details), and a sign-in form with a session for the pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder(
        "argon2",
        Map.of(
            "argon2",
            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt",
            new BCryptPasswordEncoder()));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      Tokens tokens,
      ProblemResponses problems,
      @Value("${caveat.bootstrap.token:}") String bootstrapToken)
      throws Exception {
    return http.securityMatcher(
            "/api/**",
            "/actuator/**",
            "/v3/api-docs/**",
            "/websub/**",
            "/webmention",
            "/webmention/*",
            "/mail/stop/*",
            "/mail/stop/*/undo")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .addFilterBefore(
            new BearerTokenFilter(tokens, bootstrapToken, problems),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/webhooks/*")
                    .permitAll()
                    .requestMatchers("/websub/*", "/webmention", "/webmention/*")
                    .permitAll()
                    // The stop link in a mail: its key is the customer's, and mail programs
                    // post to it in one click (RFC 8058), without a session or a form token.
                    .requestMatchers("/mail/stop/*", "/mail/stop/*/undo")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("OPERATOR")
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            problems.write(
                                response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "Send Authorization: Bearer <token> with an API token."))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            problems.write(
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                "Your token may not do this.")))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                    .permitAll()
                    // A case's public page: its number and code are the customer's key.
                    .requestMatchers(org.springframework.http.HttpMethod.GET, "/cases/*/*")
                    .permitAll()
                    // Where the customer asks for a rep by name, with the same key.
                    .requestMatchers(org.springframework.http.HttpMethod.POST, "/cases/*/*/rep")
                    .permitAll()
                    // A public reply as an h-entry: the page a Webmention's receiver reads.
                    .requestMatchers(
                        org.springframework.http.HttpMethod.GET, "/cases/*/*/replies/*")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .build();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ActorArgumentResolver());
  }
}
