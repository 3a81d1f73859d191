package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A company's routing rules, replaced as a whole so that their order is what the admin sent. */
@RestController
@RequestMapping("/api/v1/companies/{slug}/routing")
class RoutingController {

  private final CompanyAccess access;
  private final RoutingRules routing;
  private final RoutingSetup setup;

  RoutingController(CompanyAccess access, RoutingRules routing, RoutingSetup setup) {
    this.access = access;
    this.routing = routing;
    this.setup = setup;
  }

  @GetMapping
  RoutingRules.Routing get(Actor actor, @PathVariable String slug) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return routing.of(company);
  }

  @PutMapping
  RoutingRules.Routing replace(
      Actor actor, @PathVariable String slug, @RequestBody RoutingSetup.RoutingRequest request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    return setup.replace(company, request);
  }
}
