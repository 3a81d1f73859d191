package dev.caveat.care.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeping a company's canned responses, each checked before it is kept, and filling one in. */
@Service
class CannedWork {

  static final int MAX_TITLE = 200;

  record CannedRequest(String title, String body, String language, String intent) {}

  private final CannedResponses canned;
  private final Cases cases;
  private final CasePages pages;
  private final CompanyDirectory companies;
  private final Clock clock;

  CannedWork(
      CannedResponses canned,
      Cases cases,
      CasePages pages,
      CompanyDirectory companies,
      Clock clock) {
    this.pages = pages;
    this.companies = companies;
    this.canned = canned;
    this.cases = cases;
    this.clock = clock;
  }

  List<CannedResponses.Canned> list(CompanyId company, String search) {
    return canned.list(company, search);
  }

  CannedResponses.Canned one(CompanyId company, long id) {
    return canned.find(company, id).orElseThrow(() -> notFound(id));
  }

  @Transactional
  CannedResponses.Canned create(CompanyId company, CannedRequest request) {
    CannedResponses.Content content = content(request);
    return canned
        .insert(company, content, clock.instant())
        .orElseThrow(() -> titleTaken(content.title()));
  }

  @Transactional
  CannedResponses.Canned update(CompanyId company, long id, CannedRequest request) {
    CannedResponses.Content content = content(request);
    one(company, id);
    if (canned.titleTaken(company, content.title(), id)) {
      throw titleTaken(content.title());
    }
    canned.update(company, id, content, clock.instant());
    return one(company, id);
  }

  @Transactional
  void delete(CompanyId company, long id) {
    if (!canned.delete(company, id)) {
      throw notFound(id);
    }
  }

  /** The response's body with the variables filled in for the case, as the rep would send it. */
  @Transactional(readOnly = true)
  String render(CompanyId company, String number, long id, String rep) {
    Cases.Case kase = cases.require(company, number);
    CannedResponses.Canned response = one(company, id);
    Map<String, String> values = new HashMap<>();
    Cases.Customer customer = kase.customer();
    if (customer != null) {
      boolean named = customer.name() != null && !customer.name().isBlank();
      values.put("customer.name", named ? customer.name() : customer.handle());
      values.put("customer.handle", customer.handle());
    }
    values.put("case.number", kase.number());
    values.put("case.link", pages.casePage(company, kase));
    values.put("rep.name", rep);
    values.put("company.name", companies.find(company).map(Company::name).orElse(""));
    return CannedTemplate.fill(response.body(), values);
  }

  private static CannedResponses.Content content(CannedRequest request) {
    String title = request.title() == null ? "" : request.title().strip();
    if (title.isEmpty()) {
      throw ApiException.badRequest("title is required: a few words reps recognise the text by");
    }
    if (title.length() > MAX_TITLE) {
      throw ApiException.badRequest("title must be at most " + MAX_TITLE + " characters");
    }
    String body = request.body() == null ? "" : request.body().strip();
    if (body.isEmpty()) {
      throw ApiException.badRequest("body is required: the text of the response");
    }
    if (body.length() > CaseReplying.MAX_TEXT) {
      throw ApiException.badRequest(
          "body must be at most " + CaseReplying.MAX_TEXT + " characters, as a reply is");
    }
    CannedTemplate.problem(body)
        .ifPresent(
            problem -> {
              throw ApiException.badRequest(problem);
            });
    String language = blankToNull(request.language());
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!TeamWork.LANGUAGE.matcher(language).matches()) {
        throw ApiException.badRequest("language must be an ISO 639-1 code such as 'en' or 'de'");
      }
    }
    String intent = blankToNull(request.intent());
    if (intent != null) {
      intent = intent.toLowerCase(Locale.ROOT);
      if (!RoutingSetup.INTENTS.contains(intent)) {
        throw ApiException.badRequest(
            "intent must be one of " + String.join(", ", new TreeSet<>(RoutingSetup.INTENTS)));
      }
    }
    return new CannedResponses.Content(title, body, language, intent);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static ApiException titleTaken(String title) {
    return ApiException.conflict(
        "A canned response titled '" + title + "' exists; choose another title or edit that one.");
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("No canned response " + id + " in this company.");
  }
}
