package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.match.PostSearchForm;
import dev.caveat.listening.MentionFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A full-text index of every company's mentions in the data directory, searched with the monitor
 * language. Mentions are indexed once their transaction commits; the index remembers the highest id
 * it committed and, at start, indexes again a margin below it, so a mention lost between a database
 * commit and an index commit (a crash) comes back.
 *
 * <p>The index is kept sorted newest first, the order every search answers in, so a search stops
 * after a page of hits instead of ranking every post that matches. An index written before it was
 * sorted is built again from the database at start.
 */
@Component
class MentionIndex implements SmartInitializingSingleton, AutoCloseable {

  static final int CATCH_UP_MARGIN = 10_000;
  static final int BATCH = 1_000;
  private static final String LAST_ID = "lastMentionId";
  private static final Logger log = LoggerFactory.getLogger(MentionIndex.class);
  private static final Sort NEWEST_FIRST =
      new Sort(
          new SortField("posted", SortField.Type.LONG, true),
          new SortField("id", SortField.Type.LONG, true));

  private final Mentions mentions;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final BlockingQueue<Long> pending = new LinkedBlockingQueue<>();
  private final Thread indexer;
  private volatile long lastCommitted;

  MentionIndex(Mentions mentions, @Value("${caveat.data-dir:./data}") Path dataDir) {
    this.mentions = mentions;
    try {
      this.directory = FSDirectory.open(dataDir.resolve("search"));
      IndexWriterConfig config =
          new IndexWriterConfig(PostSearchForm.analyzer()).setIndexSort(NEWEST_FIRST);
      boolean rebuild = !sortedNewestFirst(directory);
      if (rebuild) {
        log.info(
            "The search index is not sorted newest first; it is built again from the database");
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      }
      this.writer = new IndexWriter(directory, config);
      this.searchers = new SearcherManager(writer, null);
      Map<String, String> data =
          writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
      this.lastCommitted = rebuild ? 0 : Long.parseLong(data.getOrDefault(LAST_ID, "0"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not open the search index in " + dataDir.resolve("search"), e);
    }
    this.indexer = Thread.ofVirtual().name("mention-indexer").unstarted(this::indexForever);
  }

  @Override
  public void afterSingletonsInstantiated() {
    long from = Math.max(0, lastCommitted - CATCH_UP_MARGIN);
    long caughtUp = 0;
    List<Mentions.Indexable> batch;
    while (!(batch = mentions.indexable(from, BATCH)).isEmpty()) {
      index(batch);
      from = batch.getLast().id();
      caughtUp += batch.size();
    }
    commit();
    log.info(
        "The search index holds mentions up to {} ({} looked at again on start)",
        lastCommitted,
        caughtUp);
    indexer.start();
  }

  /**
   * Queued once the mention's transaction commits. A plain listener with its own commit hook, not a
   * transactional event listener: those are written to the event publication table, a cost per
   * mention that the start-up catch-up makes unnecessary here.
   */
  @EventListener
  void found(MentionFound event) {
    queueAfterCommit(event.mentionId());
  }

  /** A mention's labels changed, such as a rep correcting its intent: index it again. */
  void changed(long id) {
    queueAfterCommit(id);
  }

  private void queueAfterCommit(long id) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      pending.add(id);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            pending.add(id);
          }
        });
  }

  /** Mention ids of the company that match, newest first, after the position given. */
  List<Long> search(
      CompanyId company,
      Query query,
      Instant since,
      String intent,
      Mentions.Position after,
      int limit)
      throws IOException {
    BooleanQuery.Builder filtered =
        new BooleanQuery.Builder()
            .add(query, Occur.MUST)
            .add(new TermQuery(new Term("company", company.value().toString())), Occur.FILTER);
    if (since != null) {
      filtered.add(
          LongPoint.newRangeQuery("posted_point", since.toEpochMilli(), Long.MAX_VALUE),
          Occur.FILTER);
    }
    if (intent != null) {
      filtered.add(new TermQuery(new Term("intent", intent)), Occur.FILTER);
    }
    searchers.maybeRefreshBlocking();
    IndexSearcher searcher = searchers.acquire();
    try {
      // Posted time and id never tie, so the page starts strictly after the cursor's mention; the
      // highest doc number keeps Lucene's doc tie-break from letting that mention in again.
      FieldDoc start =
          after == null
              ? null
              : new FieldDoc(
                  Math.max(0, searcher.getIndexReader().maxDoc() - 1),
                  Float.NaN,
                  new Object[] {after.postedAt().toEpochMilli(), after.id()});
      // The index is in this order: each segment stops after a page of hits, counting no further.
      TopDocs top =
          searcher.search(
              filtered.build(), new TopFieldCollectorManager(NEWEST_FIRST, limit, start, limit));
      // Each hit carries its sort values, the id among them: no stored document is read.
      List<Long> ids = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc hit : top.scoreDocs) {
        ids.add((Long) ((FieldDoc) hit).fields[1]);
      }
      return ids;
    } finally {
      searchers.release(searcher);
    }
  }

  private void indexForever() {
    List<Long> ids = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Long first = pending.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        ids.add(first);
        pending.drainTo(ids, BATCH - 1);
        index(mentions.indexable(ids));
        commit();
        ids.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        log.error("Indexing mentions {} failed; they are indexed again at the next start", ids, e);
        ids.clear();
      }
    }
  }

  private void index(List<Mentions.Indexable> batch) {
    try {
      for (Mentions.Indexable mention : batch) {
        Document doc = PostSearchForm.document(mention.post());
        String id = Long.toString(mention.id());
        doc.add(new StringField("mention", id, Field.Store.NO));
        doc.add(new StoredField("id_stored", mention.id()));
        doc.add(new NumericDocValuesField("id", mention.id()));
        doc.add(new StringField("company", mention.company().value().toString(), Field.Store.NO));
        doc.add(new NumericDocValuesField("posted", mention.postedAt().toEpochMilli()));
        doc.add(new LongPoint("posted_point", mention.postedAt().toEpochMilli()));
        if (mention.intent() != null) {
          doc.add(new StringField("intent", mention.intent(), Field.Store.NO));
        }
        writer.updateDocument(new Term("mention", id), doc);
        lastCommitted = Math.max(lastCommitted, mention.id());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void commit() {
    try {
      writer.setLiveCommitData(Map.of(LAST_ID, Long.toString(lastCommitted)).entrySet());
      writer.commit();
      searchers.maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether every segment of the index is sorted as searches answer; true for no index at all. */
  private static boolean sortedNewestFirst(FSDirectory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return true;
    }
    for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
      if (!NEWEST_FIRST.equals(segment.info.getIndexSort())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
    Map<String, String> map = new java.util.HashMap<>();
    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  @Override
  public void close() throws IOException {
    indexer.interrupt();
    try {
      indexer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    searchers.close();
    writer.close();
    directory.close();
  }
}
