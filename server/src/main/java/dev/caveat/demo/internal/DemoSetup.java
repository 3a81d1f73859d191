package dev.caveat.demo.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import dev.caveat.account.Role;
import dev.caveat.listening.IntakeOutcome;
import dev.caveat.listening.Monitoring;
import dev.caveat.listening.PostIntake;
import dev.caveat.platform.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo}: a sample company with a lead and a rep, two monitors, and a replay of the
 * bundled sample posts. Safe to run on every start; what exists is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("caveat.demo.enabled")
class DemoSetup implements ApplicationRunner {

  static final String SLUG = "northwind";
  static final String REP = "rep@northwind.example";
  static final String LEAD = "lead@northwind.example";

  private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

  private final Accounts accounts;
  private final CompanyAccess access;
  private final Monitoring monitoring;
  private final PostIntake intake;
  private final DemoPassword password;
  private final DemoPosts posts;
  private final Environment environment;

  DemoSetup(
      Accounts accounts,
      CompanyAccess access,
      Monitoring monitoring,
      PostIntake intake,
      DemoPassword password,
      DemoPosts posts,
      Environment environment) {
    this.accounts = accounts;
    this.access = access;
    this.monitoring = monitoring;
    this.intake = intake;
    this.password = password;
    this.posts = posts;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    Company company = company();
    String secret = password.get();
    accounts.addPerson(Accounts.SYSTEM, SLUG, LEAD, "Lee Lead", secret, Role.ADMIN);
    accounts.addPerson(Accounts.SYSTEM, SLUG, REP, "Robin Rep", secret, Role.REP);
    accounts.resetPassword(Accounts.SYSTEM, LEAD, secret);
    accounts.resetPassword(Accounts.SYSTEM, REP, secret);
    monitoring.defineIfAbsent(
        company.id(), "Northwind brand", "northwind OR \"north wind broadband\" OR nwbroadband");
    monitoring.defineIfAbsent(
        company.id(),
        "Northwind outages",
        "(northwind OR nwbroadband) (outage OR down OR \"no internet\" OR offline)");
    List<IntakeOutcome> outcomes = intake.take(posts.load());
    long fresh = outcomes.stream().filter(IntakeOutcome.Accepted.class::isInstance).count();
    String port = environment.getProperty("local.server.port", "8080");
    log.info(
        """

        ==============================================================
         Caveat demo is ready at http://localhost:{}/
         Sign in as the care rep:  {}
                  or as the lead:  {}
                        password:  {}
         ({} sample posts replayed, {} of them new)
        ==============================================================
        """,
        port,
        REP,
        LEAD,
        secret,
        outcomes.size(),
        fresh);
  }

  private Company company() {
    try {
      return accounts.createCompany(Accounts.SYSTEM, SLUG, "Northwind Broadband");
    } catch (ApiException exists) {
      return access.require(Accounts.SYSTEM, SLUG, Permission.ADMINISTER);
    }
  }
}
