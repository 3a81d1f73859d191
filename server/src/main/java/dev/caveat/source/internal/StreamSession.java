package dev.caveat.source.internal;

import dev.caveat.platform.fetch.FetchException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a streaming source. The connector reads on a thread of its own into a bounded
 * queue; the calling thread cuts the queue into batches (full, or due after the batch wait) and
 * stores them. A slow database therefore slows the reading, never the other way round, and only the
 * calling thread touches the database.
 */
final class StreamSession implements StreamConnector.Receiver {

  private static final Logger log = LoggerFactory.getLogger(StreamSession.class);
  private static final int QUEUED = 1_000;

  private final Sources.Source source;
  private final StreamConnector connector;
  private final StreamBatches batches;
  private final StreamRun.Settings settings;
  private final BooleanSupplier stopping;
  private final BlockingQueue<StreamConnector.Item> queue = new LinkedBlockingQueue<>(QUEUED);
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final AtomicLong heardAt = new AtomicLong(System.nanoTime());
  private final AtomicLong connectedAt = new AtomicLong();
  private final AtomicBoolean opened = new AtomicBoolean();
  private boolean stored;

  StreamSession(
      Sources.Source source,
      StreamConnector connector,
      StreamBatches batches,
      StreamRun.Settings settings,
      BooleanSupplier stopping) {
    this.source = source;
    this.connector = connector;
    this.batches = batches;
    this.settings = settings;
    this.stopping = stopping;
  }

  /** Whether this connection did enough that the next one starts the backoff over. */
  boolean progressed() {
    long since = connectedAt.get();
    return stored || (since != 0 && System.nanoTime() - since >= settings.settled().toNanos());
  }

  /**
   * Connects, stores until the stream ends or the run stops, and disconnects.
   *
   * @return null when the stream ended after delivering, or the run stopped; else why it ended
   * @throws FetchException when the source could not be reached, or the stream broke or stalled
   */
  String run() throws FetchException {
    Thread reader =
        Thread.ofVirtual()
            .name("stream-read-" + source.id())
            .start(
                () -> {
                  try {
                    connector.stream(source, this);
                    ended.complete(null);
                  } catch (Throwable t) {
                    ended.completeExceptionally(t);
                  }
                });
    try {
      storeUntilEnd();
    } finally {
      reader.interrupt();
      awaitReader(reader);
    }
    if (stopping.getAsBoolean()) {
      return null;
    }
    try {
      ended.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FetchException fetch) {
        throw fetch;
      }
      throw new IllegalStateException("the connector failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    return stored ? null : source.url() + " closed the stream before sending anything";
  }

  private void storeUntilEnd() throws FetchException {
    List<StreamConnector.Item> batch = new ArrayList<>();
    long due = 0;
    while (!stopping.getAsBoolean()) {
      // Read before the queue: once the reader has ended, the queue holds all it will ever hold.
      boolean over = ended.isDone() && queue.isEmpty();
      if (opened.compareAndSet(true, false)) {
        batches.connected(source.id());
      }
      long now = System.nanoTime();
      if (!batch.isEmpty() && (batch.size() >= settings.batchSize() || now >= due || over)) {
        batches.store(source.id(), batch);
        stored = true;
        batch = new ArrayList<>();
      }
      if (over) {
        return;
      }
      if (now - heardAt.get() > settings.idleTimeout().toNanos()) {
        throw new FetchException(
            FetchException.Kind.TIMEOUT,
            "nothing came from "
                + source.url()
                + " for "
                + settings.idleTimeout().toSeconds()
                + " s");
      }
      long wait = batch.isEmpty() ? settings.batchWait().toNanos() : Math.max(0, due - now);
      StreamConnector.Item item;
      try {
        item = queue.poll(wait, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (item != null) {
        if (batch.isEmpty()) {
          due = System.nanoTime() + settings.batchWait().toNanos();
        }
        batch.add(item);
        queue.drainTo(batch, settings.batchSize() - batch.size());
      }
    }
  }

  private void awaitReader(Thread reader) {
    try {
      if (!reader.join(Duration.ofSeconds(10))) {
        log.warn("The reader of source {} did not stop within 10 s", source.id());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void connected() {
    long now = System.nanoTime();
    connectedAt.set(now);
    heardAt.set(now);
    opened.set(true);
  }

  @Override
  public void alive() {
    heardAt.set(System.nanoTime());
  }

  @Override
  public void accept(StreamConnector.Item item) throws InterruptedException {
    heardAt.set(System.nanoTime());
    queue.put(item);
  }
}
