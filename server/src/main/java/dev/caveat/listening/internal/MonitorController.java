package dev.caveat.listening.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.Permission;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/companies/{slug}/monitors")
class MonitorController {

  record MonitorView(
      UUID id,
      String name,
      String query,
      boolean ignoreAddresses,
      List<String> exclusions,
      Instant createdAt,
      Instant updatedAt) {
    static MonitorView of(Monitors.Monitor monitor) {
      return new MonitorView(
          monitor.id(),
          monitor.name(),
          monitor.query(),
          monitor.definition().ignoreAddresses(),
          monitor.definition().exclusions(),
          monitor.createdAt(),
          monitor.updatedAt());
    }
  }

  record MonitorList(List<MonitorView> items) {}

  private final CompanyAccess access;
  private final MonitorService service;

  MonitorController(CompanyAccess access, MonitorService service) {
    this.access = access;
    this.service = service;
  }

  @PostMapping
  ResponseEntity<MonitorView> create(
      Actor actor, @PathVariable String slug, @RequestBody MonitorService.Request request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    Monitors.Monitor monitor = service.create(company, request);
    return ResponseEntity.created(
            URI.create("/api/v1/companies/" + slug + "/monitors/" + monitor.id()))
        .body(MonitorView.of(monitor));
  }

  record MonitorBatch(List<MonitorService.Request> monitors) {}

  /** Many monitors in one request and one transaction, for setting a company up. */
  @PostMapping("/batch")
  ResponseEntity<MonitorList> createAll(
      Actor actor, @PathVariable String slug, @RequestBody MonitorBatch batch) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    List<Monitors.Monitor> created = service.createAll(company, batch.monitors());
    return ResponseEntity.status(201)
        .body(new MonitorList(created.stream().map(MonitorView::of).toList()));
  }

  @GetMapping
  MonitorList list(Actor actor, @PathVariable String slug) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return new MonitorList(service.list(company).stream().map(MonitorView::of).toList());
  }

  @PutMapping("/{id}")
  MonitorView change(
      Actor actor,
      @PathVariable String slug,
      @PathVariable UUID id,
      @RequestBody MonitorService.Request request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    return MonitorView.of(service.change(company, id, request));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable String slug, @PathVariable UUID id) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    service.delete(company, id);
    return ResponseEntity.noContent().build();
  }
}
