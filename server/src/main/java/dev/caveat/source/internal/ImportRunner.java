package dev.caveat.source.internal;

import dev.caveat.listening.IntakeOutcome;
import dev.caveat.listening.PostIntake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores imports one batch at a time. The batch's posts are stored first, then the job's offset
 * moves past them; after a crash the last batch is read again and its posts come back as
 * duplicates, so every post is stored exactly once.
 */
@Component
class ImportRunner {

  static final int BATCH = 1_000;
  static final int MAX_LINE_BYTES = 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  private final Imports imports;
  private final ImportFiles files;
  private final PostIntake intake;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final Clock clock;
  private final AtomicBoolean busy = new AtomicBoolean();

  ImportRunner(
      Imports imports,
      ImportFiles files,
      PostIntake intake,
      TransactionTemplate transactions,
      JsonMapper json,
      Clock clock) {
    this.imports = imports;
    this.files = files;
    this.intake = intake;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${caveat.imports.tick:500ms}")
  void tick() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    try {
      imports.nextPending().ifPresent(this::run);
    } finally {
      busy.set(false);
    }
  }

  private void run(Imports.Job job) {
    imports.started(job.id(), clock.instant());
    try (FileChannel channel = FileChannel.open(files.path(job.id()), StandardOpenOption.READ)) {
      channel.position(job.offsetBytes());
      InputStream in = Channels.newInputStream(channel);
      try (LineReader reader = new LineReader(in, job.offsetBytes(), MAX_LINE_BYTES)) {
        long lineNumber = job.lines();
        boolean more = true;
        while (more) {
          List<PostItems.Item> batch = new ArrayList<>(BATCH);
          long consumed = 0;
          long end = -1;
          LineReader.Line line;
          while (batch.size() < BATCH && (line = reader.next()) != null) {
            consumed++;
            end = line.end();
            long index = lineNumber + consumed - 1;
            if (line.tooLong()) {
              batch.add(
                  new PostItems.Item(index, null, "line " + (index + 1) + " is longer than 1 MiB"));
            } else if (!line.text().isBlank()) {
              batch.add(PostItems.fromLine(json, index, line.text()));
            }
          }
          more = consumed > 0;
          if (more) {
            store(job, batch, consumed, end);
            lineNumber += consumed;
          }
        }
      }
      imports.finished(job.id(), "done", null, clock.instant());
      files.delete(job.id());
      log.info("Import {} is done", job.id());
    } catch (NoSuchFileException e) {
      imports.finished(
          job.id(), "failed", "the uploaded file is gone from the data directory", clock.instant());
    } catch (IOException | RuntimeException e) {
      log.error("Import {} stopped", job.id(), e);
      imports.finished(
          job.id(), "failed", "the import stopped: " + e.getMessage(), clock.instant());
    }
  }

  private void store(Imports.Job job, List<PostItems.Item> batch, long consumed, long end) {
    List<PostItems.Item> readable = batch.stream().filter(item -> item.post() != null).toList();
    List<IntakeOutcome> outcomes =
        intake.take(readable.stream().map(PostItems.Item::post).toList());
    long accepted = 0;
    long duplicates = 0;
    List<Imports.Rejection> rejections = new ArrayList<>();
    for (PostItems.Item item : batch) {
      if (item.problem() != null) {
        rejections.add(new Imports.Rejection(item.index() + 1, item.problem()));
      }
    }
    for (int i = 0; i < outcomes.size(); i++) {
      switch (outcomes.get(i)) {
        case IntakeOutcome.Accepted a -> accepted++;
        case IntakeOutcome.Duplicate d -> duplicates++;
        case IntakeOutcome.Rejected r ->
            rejections.add(new Imports.Rejection(readable.get(i).index() + 1, r.reason()));
      }
    }
    Imports.Progress progress =
        new Imports.Progress(end, consumed, accepted, duplicates, rejections.size());
    transactions.executeWithoutResult(status -> imports.advanced(job.id(), progress, rejections));
  }
}
