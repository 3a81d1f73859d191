package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's customers: who they are on each channel, their cases, who else they might be, and
 * merging or splitting them. Reps do this as part of working cases.
 */
@RestController
@RequestMapping("/api/v1/companies/{slug}/customers")
class CustomerController {

  record IdentityView(String source, String handle, String name, String url) {
    static IdentityView of(Customers.Identity i) {
      return new IdentityView(i.source(), i.handle(), i.name(), i.url());
    }
  }

  record CaseRef(String number, String status, Instant openedAt) {}

  record SuggestionView(
      long customer, String name, List<IdentityView> identities, List<String> why) {}

  record MergeView(
      long id,
      long into,
      long from,
      String how,
      String actor,
      Instant at,
      String duplicateCase,
      Instant undoneAt,
      String undoneBy) {}

  record CustomerView(
      long id,
      String name,
      Long mergedInto,
      List<IdentityView> identities,
      List<CaseRef> cases,
      List<SuggestionView> suggestions,
      List<MergeView> merges) {}

  record Other(Long customer) {}

  record NewIdentity(String source, String handle) {}

  record LinkCodeView(String code, Instant expiresAt, String instructions) {}

  private final CompanyAccess access;
  private final Customers customers;
  private final CustomerLinks links;
  private final CustomerIdentities identities;
  private final Cases cases;
  private final CustomerSuggestions suggestions;

  CustomerController(
      CompanyAccess access,
      Customers customers,
      CustomerLinks links,
      CustomerIdentities identities,
      Cases cases,
      CustomerSuggestions suggestions) {
    this.access = access;
    this.suggestions = suggestions;
    this.customers = customers;
    this.links = links;
    this.identities = identities;
    this.cases = cases;
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  CustomerView one(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return view(company, id);
  }

  /** Makes the other customer part of this one. */
  @PostMapping("/{id}/merge")
  CustomerView merge(
      Actor actor, @PathVariable String slug, @PathVariable long id, @RequestBody Other other) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    links.merge(company, id, require(other), "rep", actor.name());
    return view(company, id);
  }

  /** Undoes the last merge of the other customer into this one. */
  @PostMapping("/{id}/unmerge")
  CustomerView unmerge(
      Actor actor, @PathVariable String slug, @PathVariable long id, @RequestBody Other other) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    links.unmerge(company, id, require(other), actor.name());
    return view(company, id);
  }

  /**
   * Records one more identity of the customer, such as their e-mail address for private replies:
   * 201 when new, 200 when they had it already.
   */
  @PostMapping("/{id}/identities")
  ResponseEntity<CustomerView> addIdentity(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @RequestBody NewIdentity identity) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    if (identity == null) {
      throw ApiException.badRequest("source and handle are required");
    }
    boolean created = identities.add(company, id, identity.source(), identity.handle()).created();
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(view(company, id));
  }

  @PostMapping("/{id}/link-codes")
  @ResponseStatus(HttpStatus.CREATED)
  LinkCodeView linkCode(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    Customers.LinkCode code = links.newLinkCode(company, id);
    return new LinkCodeView(
        code.code(),
        code.expiresAt(),
        "Ask the customer to post "
            + code.code()
            + " from their other account within a week; that account then joins this customer.");
  }

  private static long require(Other other) {
    if (other == null || other.customer() == null) {
      throw ApiException.badRequest("customer is required: the id of the other customer");
    }
    return other.customer();
  }

  private CustomerView view(CompanyId company, long id) {
    Customers.Customer customer =
        customers
            .find(company, id)
            .orElseThrow(() -> ApiException.notFound("No customer " + id + " in this company."));
    List<SuggestionView> suggested =
        this.suggestions.of(company, id).stream()
            .map(
                s ->
                    new SuggestionView(
                        s.customerId(),
                        customers
                            .find(company, s.customerId())
                            .map(Customers.Customer::name)
                            .orElse(null),
                        customers.identities(s.customerId()).stream()
                            .map(IdentityView::of)
                            .toList(),
                        s.why()))
            .toList();
    List<MergeView> merges =
        customers.merges(id).stream()
            .map(
                m ->
                    new MergeView(
                        m.id(),
                        m.into(),
                        m.from(),
                        m.how(),
                        m.actor(),
                        m.at(),
                        m.duplicateCaseId() == null
                            ? null
                            : cases
                                .find(company, m.duplicateCaseId())
                                .map(Cases.Case::number)
                                .orElse(null),
                        m.undoneAt(),
                        m.undoneBy()))
            .toList();
    return new CustomerView(
        customer.id(),
        customer.name(),
        customer.mergedInto(),
        customers.identities(id).stream().map(IdentityView::of).toList(),
        cases.ofCustomer(company, id).stream()
            .map(c -> new CaseRef(c.number(), c.status(), c.openedAt()))
            .toList(),
        suggested,
        merges);
  }
}
