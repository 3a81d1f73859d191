package dev.caveat.bench.load;

import dev.caveat.core.classify.Classification;
import dev.caveat.core.classify.Classifier;
import dev.caveat.core.classify.ClassifyInput;
import dev.caveat.core.classify.Intent;
import dev.caveat.core.classify.Product;
import dev.caveat.core.classify.Urgency;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the shape as the rows Caveat itself would have written, with COPY: customers and their
 * identities, every post with its key and mention (classified by the standard model with the
 * company's products, as intake does), and every case with its mentions, events, replies, waits,
 * SLA clocks and notes. Ids rise with time, as they do when the application writes them.
 */
final class InboxRows {

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  final CopyRows cases =
      new CopyRows(
          "care_case (id, company_id, number, code, customer_id, status, resolution, reason,"
              + " intent, team, assignee, opened_at, updated_at, resolved_at, first_response_at,"
              + " escalated_to)");
  final CopyRows caseMentions =
      new CopyRows("case_mention (mention_id, case_id, attached_at, how)");
  final CopyRows caseEvents = new CopyRows("case_event (id, case_id, at, actor, kind, details)");
  final CopyRows caseReplies =
      new CopyRows(
          "case_reply (id, case_id, mention_id, visibility, author, text, sent_text, status,"
              + " remote_id, remote_url, error, created_at, sent_at)");
  final CopyRows clocks =
      new CopyRows(
          "case_sla_clock (id, case_id, target, started_at, stopped_at, warned_at, breached_at,"
              + " met)");
  final CopyRows caseWaits = new CopyRows("case_wait (case_id, started_at, ended_at)");
  final CopyRows caseNotes = new CopyRows("case_note (id, case_id, author, text, created_at)");
  long eventId = 1;
  long replyId = 1;
  long clockId = 1;
  long noteId = 1;

  private final Connection db;
  private final List<InboxTenants.Tenant> tenants;
  private final Map<UUID, String> names = new HashMap<>();
  private final Classifier classifier = Classifier.standard();
  private final List<List<Product>> products = new ArrayList<>();
  private final Random random;
  private final long now;
  private int retries;

  InboxRows(Connection db, List<InboxTenants.Tenant> tenants, long now, long seed) {
    this.db = db;
    this.tenants = tenants;
    this.now = now;
    this.random = new Random(seed);
    for (InboxTenants.Tenant t : tenants) {
      t.reps().forEach(r -> names.put(r.userId(), r.name()));
      products.add(t.products().stream().map(p -> Product.of(p)).toList());
    }
  }

  String nameOf(UUID person) {
    return names.get(person);
  }

  /** Writes what opens each case first: routing reads its labels. */
  void labelOpenings(InboxShape shape) {
    for (InboxShape.Case kase : shape.cases) {
      InboxShape.Mention m = kase.opening();
      PostTexts.Kind kind =
          random.nextInt(3) == 0 ? PostTexts.Kind.QUESTION : PostTexts.Kind.COMPLAINT;
      label(m, kind, l -> l.intent() == Intent.COMPLAINT || l.intent() == Intent.QUESTION);
    }
  }

  void write(InboxShape shape) throws SQLException, IOException {
    numberEverything(shape);
    writeCustomers(shape);
    writeMentions(shape);
    writeCases(shape);
    try (Statement s = db.createStatement()) {
      for (String table :
          List.of(
              "post",
              "mention",
              "customer",
              "customer_identity",
              "care_case",
              "case_event",
              "case_reply",
              "case_sla_clock",
              "case_note")) {
        s.execute(
            "select setval(pg_get_serial_sequence('"
                + table
                + "', 'id'),"
                + " coalesce((select max(id) from "
                + table
                + "), 0) + 1, false)");
      }
      s.execute("vacuum analyze");
    }
    System.out.printf(
        "  (%,d posts written again until the classifier read them as meant)%n", retries);
  }

  private void numberEverything(InboxShape shape) {
    shape.customers.sort(Comparator.comparingLong(c -> c.createdAt));
    long identity = 1;
    for (int i = 0; i < shape.customers.size(); i++) {
      InboxShape.Customer c = shape.customers.get(i);
      c.id = i + 1;
      for (InboxShape.Identity id : c.identities) {
        id.id = identity++;
      }
    }
    shape.cases.sort(Comparator.comparingLong(c -> c.openedAt));
    Map<Integer, Set<String>> taken = new HashMap<>();
    for (int i = 0; i < shape.cases.size(); i++) {
      InboxShape.Case kase = shape.cases.get(i);
      kase.id = i + 1;
      Set<String> numbers = taken.computeIfAbsent(kase.tenant, t -> new HashSet<>());
      String prefix = SeedValues.prefix(tenants.get(kase.tenant).slug());
      do {
        kase.number = prefix + "-" + chars(5);
      } while (!numbers.add(kase.number));
      kase.code = chars(6);
    }
    shape.mentions.sort(Comparator.comparingLong(m -> m.foundAt));
    for (int i = 0; i < shape.mentions.size(); i++) {
      shape.mentions.get(i).id = i + 1;
    }
  }

  private void writeCustomers(InboxShape shape) throws SQLException, IOException {
    CopyRows customers =
        new CopyRows("customer (id, company_id, source, handle, name, created_at)");
    CopyRows identities =
        new CopyRows(
            "customer_identity (id, company_id, customer_id, source, handle, name, url,"
                + " created_at)");
    CopyRows codes =
        new CopyRows(
            "customer_link_code (code, company_id, customer_id, created_at, expires_at, used_at)");
    for (InboxShape.Customer c : shape.customers) {
      UUID company = tenants.get(c.tenant).companyId();
      Instant created = Instant.ofEpochMilli(c.createdAt);
      InboxShape.Identity first = c.identities.getFirst();
      customers.row(c.id, company, first.source, first.handle, c.name, created);
      for (InboxShape.Identity id : c.identities) {
        identities.row(
            id.id,
            company,
            c.id,
            id.source,
            id.handle,
            c.name,
            SeedValues.authorUrl(id, tenants.get(c.tenant)),
            created);
      }
      if (c.identities.size() > 1) {
        // The second account was linked by a code the customer posted from it.
        codes.row(
            "LINK-" + chars(6),
            company,
            c.id,
            created,
            created.plusSeconds(86_400),
            created.plusSeconds(600));
      }
      if (customers.full() || identities.full()) {
        customers.send(db);
        identities.send(db);
      }
    }
    customers.send(db);
    identities.send(db);
    codes.send(db);
  }

  private void writeMentions(InboxShape shape) throws SQLException, IOException {
    CopyRows posts =
        new CopyRows(
            "post (id, source, external_id, url, author_handle, author_name, author_url, title,"
                + " text, html, published, in_reply_to, language, received_at, cluster)");
    CopyRows keys = new CopyRows("post_key (source, external_id, received_at)");
    CopyRows mentions =
        new CopyRows(
            "mention (id, company_id, post_id, monitor_id, monitor_name, posted_at, found_at,"
                + " intent, sentiment, case_number, cluster, copies, urgency, intent_confidence,"
                + " reasons, intent_corrected, products)");
    long keysSince = now - 30 * InboxShape.DAY;
    for (InboxShape.Mention m : shape.mentions) {
      InboxTenants.Tenant tenant = tenants.get(m.tenant);
      if (m.labels == null) {
        if (m.kase == null) {
          label(
              m,
              PostTexts.Kind.CASUAL,
              l -> l.intent() != Intent.COMPLAINT && l.intent() != Intent.QUESTION);
        } else {
          label(
              m,
              PostTexts.Kind.FOLLOW_UP,
              l -> l.intent() != Intent.SPAM && l.intent() != Intent.NEED);
          if (m.how.equals("quoted")) {
            m.text = "Same here, see case " + m.kase.number + ". " + m.text;
          }
        }
      }
      String source = m.author.source;
      String externalId = SeedValues.externalId(source, m.id);
      String cluster = source + "/" + externalId;
      Instant found = Instant.ofEpochMilli(m.foundAt);
      Classification l = m.labels;
      posts.row(
          m.id,
          source,
          externalId,
          SeedValues.postUrl(m, tenant, externalId),
          m.author.handle,
          m.author.customer.name,
          SeedValues.authorUrl(m.author, tenant),
          SeedValues.title(source, m.text),
          m.text,
          null,
          Instant.ofEpochMilli(m.postedAt),
          null,
          l.language().equals("und") ? null : l.language(),
          found,
          cluster);
      if (m.foundAt >= keysSince) {
        keys.row(source, externalId, found);
      }
      mentions.row(
          m.id,
          tenant.companyId(),
          m.id,
          tenant.monitorId(),
          tenant.monitorName(),
          Instant.ofEpochMilli(m.postedAt),
          found,
          l.intent().code(),
          (float) l.sentiment(),
          m.kase == null ? null : m.kase.number,
          cluster,
          random.nextInt(30) == 0 ? 2 + random.nextInt(9) : 1,
          l.urgency().stream().map(Urgency::code).sorted().toList(),
          (float) l.intentConfidence(),
          SeedValues.reasons(l.reasons()),
          false,
          l.products());
      m.text = null;
      m.labels = m.kase != null && m.kase.opening() == m ? l : null;
      if (posts.full()) {
        posts.send(db);
        keys.send(db);
        mentions.send(db);
      }
    }
    posts.send(db);
    keys.send(db);
    mentions.send(db);
  }

  private void writeCases(InboxShape shape) throws SQLException, IOException {
    List<List<InboxTenants.Rep>> reps = tenants.stream().map(InboxRouting::ordered).toList();
    for (InboxShape.Case kase : shape.cases) {
      new CaseStory(this, random, now).write(kase, tenants.get(kase.tenant), reps.get(kase.tenant));
      if (caseEvents.full() || caseMentions.full()) {
        sendCases();
      }
    }
    sendCases();
  }

  private void sendCases() throws SQLException, IOException {
    cases.send(db);
    for (CopyRows rows :
        List.of(caseMentions, caseEvents, caseReplies, clocks, caseWaits, caseNotes)) {
      rows.send(db);
    }
  }

  /**
   * Writes posts of the kind until the classifier reads one as {@code wanted}, ten tries at most.
   */
  private void label(
      InboxShape.Mention m,
      PostTexts.Kind kind,
      java.util.function.Predicate<Classification> wanted) {
    InboxTenants.Tenant tenant = tenants.get(m.tenant);
    List<Product> listed = products.get(m.tenant);
    for (int attempt = 0; attempt < 10; attempt++) {
      String product =
          random.nextInt(10) < 7
              ? tenant.products().get(random.nextInt(tenant.products().size()))
              : "router";
      String text = PostTexts.write(kind, random, tenant.brand(), product);
      if (!text.contains(tenant.brand())) {
        text = "@" + tenant.brand().replace(" ", "") + " " + text;
      }
      Classification labels =
          classifier.classify(new ClassifyInput(text, null, null, null, listed));
      m.text = text;
      m.labels = labels;
      if (wanted.test(labels)) {
        return;
      }
      retries++;
    }
  }

  private String chars(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
