package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.query.QueryParser;
import dev.caveat.core.query.QuerySyntaxException;
import dev.caveat.listening.Monitoring;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class MonitorService implements Monitoring {

  static final int MAX_NAME = 100;

  private final Monitors monitors;
  private final StandingQueries standing;
  private final Clock clock;

  MonitorService(Monitors monitors, StandingQueries standing, Clock clock) {
    this.monitors = monitors;
    this.standing = standing;
    this.clock = clock;
  }

  /** A monitor as asked for, before it is checked. */
  record Request(String name, String query, Boolean ignoreAddresses, List<String> exclusions) {}

  static final int MAX_EXCLUSIONS = 100;

  @Transactional
  Monitors.Monitor create(CompanyId company, Request request) {
    String name = checkName(request.name());
    Monitors.Definition definition = checkDefinition(request);
    Monitors.Monitor monitor =
        monitors
            .insert(company, name, definition, clock.instant())
            .orElseThrow(() -> nameTaken(name));
    afterCommit(() -> standing.put(monitor));
    return monitor;
  }

  static final int MAX_BATCH = 10_000;

  /**
   * Creates many monitors at once, all or none: the first one that cannot be made stops the batch,
   * and the error says which.
   */
  @Transactional
  List<Monitors.Monitor> createAll(CompanyId company, List<Request> requests) {
    if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
      throw ApiException.badRequest("send between 1 and " + MAX_BATCH + " monitors");
    }
    List<Monitors.Monitor> created = new java.util.ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      try {
        Request request = requests.get(i);
        String name = checkName(request.name());
        Monitors.Definition definition = checkDefinition(request);
        created.add(
            monitors
                .insert(company, name, definition, clock.instant())
                .orElseThrow(() -> nameTaken(name)));
      } catch (ApiException e) {
        Map<String, Object> properties = new java.util.HashMap<>(e.properties());
        properties.put("index", i);
        throw new ApiException(
            e.status(), "Monitor " + (i + 1) + ": " + e.getMessage(), properties);
      }
    }
    afterCommit(() -> standing.putAll(created));
    return created;
  }

  @Override
  @Transactional
  public boolean defineIfAbsent(CompanyId company, String name, String query) {
    String cleanName = checkName(name);
    Monitors.Definition definition = checkDefinition(new Request(name, query, false, List.of()));
    var monitor = monitors.insert(company, cleanName, definition, clock.instant());
    monitor.ifPresent(created -> afterCommit(() -> standing.put(created)));
    return monitor.isPresent();
  }

  @Transactional
  Monitors.Monitor change(CompanyId company, UUID id, Request request) {
    String name = checkName(request.name());
    Monitors.Definition definition = checkDefinition(request);
    try {
      if (!monitors.update(company, id, name, definition, clock.instant())) {
        throw ApiException.notFound("There is no monitor " + id + " in this company.");
      }
    } catch (DuplicateKeyException e) {
      throw nameTaken(name);
    }
    Monitors.Monitor monitor = monitors.find(company, id).orElseThrow();
    afterCommit(() -> standing.put(monitor));
    return monitor;
  }

  private static Monitors.Definition checkDefinition(Request request) {
    String query = request.query() == null ? null : request.query().strip();
    checkQuery(query, "query", "The query has an error. ");
    List<String> exclusions = request.exclusions() == null ? List.of() : request.exclusions();
    if (exclusions.size() > MAX_EXCLUSIONS) {
      throw ApiException.badRequest("a monitor takes at most " + MAX_EXCLUSIONS + " exclusions");
    }
    List<String> clean = new java.util.ArrayList<>();
    for (int i = 0; i < exclusions.size(); i++) {
      String exclusion = exclusions.get(i) == null ? null : exclusions.get(i).strip();
      checkQuery(exclusion, "exclusions[" + i + "]", "Exclusion " + (i + 1) + " has an error. ");
      clean.add(exclusion);
    }
    return new Monitors.Definition(query, Boolean.TRUE.equals(request.ignoreAddresses()), clean);
  }

  @Transactional
  void delete(CompanyId company, UUID id) {
    if (!monitors.delete(company, id)) {
      throw ApiException.notFound("There is no monitor " + id + " in this company.");
    }
    afterCommit(() -> standing.remove(id));
  }

  List<Monitors.Monitor> list(CompanyId company) {
    return monitors.findByCompany(company);
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("name is required");
    }
    if (name.strip().length() > MAX_NAME) {
      throw ApiException.badRequest("name must be at most " + MAX_NAME + " characters");
    }
    return name.strip();
  }

  private static void checkQuery(String query, String field, String intro) {
    try {
      QueryParser.parse(query);
    } catch (QuerySyntaxException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          intro + e.getMessage(),
          Map.of("field", field, "position", e.position(), "expected", e.expected()));
    }
  }

  private static ApiException nameTaken(String name) {
    return ApiException.conflict("This company already has a monitor named '" + name + "'.");
  }

  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
