package dev.caveat.source.internal;

import dev.caveat.account.Actor;
import dev.caveat.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk imports of JSONL: the upload is kept, answered 202 at once, and stored in the background;
 * its progress is polled at the address given.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

  record RejectionView(long line, String reason) {}

  record ImportView(
      UUID id,
      String status,
      long totalBytes,
      long processedBytes,
      double percent,
      long lines,
      long accepted,
      long duplicates,
      long rejected,
      String error,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      List<RejectionView> firstRejections) {

    static ImportView of(Imports.Job job, List<Imports.Rejection> rejections) {
      double percent =
          job.totalBytes() == 0
              ? 100
              : Math.floor(1000.0 * job.offsetBytes() / job.totalBytes()) / 10;
      return new ImportView(
          job.id(),
          job.status(),
          job.totalBytes(),
          job.offsetBytes(),
          job.status().equals("done") ? 100 : percent,
          job.lines(),
          job.accepted(),
          job.duplicates(),
          job.rejected(),
          job.error(),
          job.createdAt(),
          job.startedAt(),
          job.finishedAt(),
          rejections.stream().map(r -> new RejectionView(r.line(), r.reason())).toList());
    }
  }

  record ImportList(List<ImportView> items) {}

  private final Imports imports;
  private final ImportFiles files;
  private final Clock clock;

  ImportController(Imports imports, ImportFiles files, Clock clock) {
    this.imports = imports;
    this.files = files;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<ImportView> upload(Actor actor, HttpServletRequest request) throws IOException {
    requireOperator(actor);
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-ndjson")
        && !type.startsWith("application/jsonl")
        && !type.startsWith("application/ndjson")) {
      throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Send an import as application/x-ndjson: one post per line.");
    }
    UUID id = UUID.randomUUID();
    long bytes = files.save(id, request.getInputStream());
    try {
      imports.insert(id, id + ".jsonl", bytes, clock.instant());
    } catch (RuntimeException e) {
      files.delete(id);
      throw e;
    }
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/imports/" + id))
        .body(ImportView.of(imports.find(id).orElseThrow(), List.of()));
  }

  @GetMapping
  ImportList list(Actor actor) {
    requireOperator(actor);
    return new ImportList(
        imports.newestFirst(50).stream().map(job -> ImportView.of(job, List.of())).toList());
  }

  @GetMapping("/{id}")
  ImportView show(Actor actor, @PathVariable UUID id) {
    requireOperator(actor);
    Imports.Job job =
        imports.find(id).orElseThrow(() -> ApiException.notFound("There is no import " + id + "."));
    return ImportView.of(job, imports.rejections(id, 20));
  }

  private static void requireOperator(Actor actor) {
    if (!actor.operator()) {
      throw ApiException.forbidden("Only a hub operator imports posts.");
    }
  }
}
