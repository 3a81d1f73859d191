package dev.caveat.bench.load;

import static dev.caveat.bench.load.InboxShape.HOUR;
import static dev.caveat.bench.load.InboxShape.MINUTE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One case's life as Caveat records it: opened, routed and assigned; the customer's posts filed
 * under it; replies that leave it waiting on the customer until they write again; SLA clocks that
 * warn, breach and escalate to the team's lead on the evaluator's one-minute tick; notes; and its
 * resolution. The company's SLA is one hour to a first response, four to each next one and a day to
 * resolve, with a warning at 80 %.
 */
final class CaseStory {

  static final long FIRST_RESPONSE = HOUR;
  static final long NEXT_RESPONSE = 4 * HOUR;
  static final long RESOLUTION = 24 * HOUR;
  static final int WARN_AT = 80;

  private record Event(long at, String actor, String kind, String details) {}

  private final InboxRows out;
  private final Random random;
  private final long now;
  private final List<Event> events = new ArrayList<>();
  private final List<long[]> waits = new ArrayList<>();
  private UUID escalatedTo;

  CaseStory(InboxRows out, Random random, long now) {
    this.out = out;
    this.random = random;
    this.now = now;
  }

  void write(InboxShape.Case kase, InboxTenants.Tenant tenant, List<InboxTenants.Rep> reps) {
    InboxTenants.Rep assignee = kase.rep >= 0 ? reps.get(kase.rep) : null;
    InboxTenants.Team team =
        tenant.teams().stream().filter(t -> t.name().equals(kase.team)).findFirst().orElseThrow();
    InboxTenants.Rep responder =
        assignee != null
            ? assignee
            : reps.stream()
                .filter(r -> r.userId().equals(team.lead()))
                .findFirst()
                .orElse(reps.getFirst());
    long end = kase.resolved() ? kase.resolvedAt : now;
    InboxShape.Mention opening = kase.opening();
    String intent = opening.labels.intent().code();
    event(kase.openedAt, "opened", "a " + intent + " by " + who(opening));
    event(
        kase.openedAt,
        "mention-added",
        "mention " + opening.id + " by " + who(opening) + " (opened)");
    event(kase.openedAt, "routed", "to team " + kase.team + " by " + kase.routedBy);
    if (assignee != null) {
      event(
          kase.openedAt,
          "assigned",
          "to "
              + assignee.name()
              + " ("
              + assignee.userId()
              + ") of team "
              + kase.team
              + ": "
              + kase.assignedWhy);
    } else {
      event(
          kase.openedAt,
          "not-assigned",
          "nobody on team "
              + kase.team
              + " is available, under capacity and speaks "
              + opening.labels.language()
              + "; the case waits in the team");
    }
    List<InboxShape.Mention> mentions = kase.mentions;
    for (InboxShape.Mention m : mentions) {
      long attached = m == opening ? kase.openedAt : m.foundAt + 30;
      out.caseMentions.row(m.id, kase.id, Instant.ofEpochMilli(attached), m.how);
      if (m != opening) {
        event(attached, "mention-added", "mention " + m.id + " by " + who(m) + " (" + m.how + ")");
      }
    }
    // Replies: each leaves the case waiting until the customer writes again.
    List<long[]> responseRuns = new ArrayList<>();
    long firstReply = 0;
    boolean waiting = false;
    long runStart = kase.openedAt;
    long due = kase.openedAt + logNormal(40 * MINUTE);
    int next = 1;
    while (due < end) {
      long reply = due;
      InboxShape.Mention answered = opening;
      while (next < mentions.size() && mentions.get(next).foundAt + 30 < reply) {
        answered = mentions.get(next++);
      }
      reply(kase, tenant, responder, answered, reply);
      firstReply = firstReply == 0 ? reply : firstReply;
      responseRuns.add(new long[] {runStart, reply});
      if (next >= mentions.size()) {
        waiting = true;
        waits.add(new long[] {reply, kase.resolved() ? end : Long.MAX_VALUE});
        break;
      }
      long wrote = mentions.get(next).foundAt + 30;
      waits.add(new long[] {reply, wrote});
      event(wrote, "reopened", "a new post while waiting on the customer");
      runStart = wrote;
      due = wrote + logNormal(2 * HOUR);
    }
    if (!waiting) {
      responseRuns.add(new long[] {runStart, kase.resolved() ? end : 0});
    }
    if (random.nextInt(10) == 0) {
      long at = kase.openedAt + (long) (random.nextDouble() * (end - kase.openedAt));
      long id = out.noteId++;
      out.caseNotes.row(
          id, kase.id, responder.name(), "Customer called in as well; " + note(), instant(at));
      event(at, responder.name(), "note-added", "note " + id);
    }
    String resolution = null;
    String reason = null;
    if (kase.resolved()) {
      int roll = random.nextInt(100);
      resolution =
          roll < 80 ? "solved" : roll < 87 ? "explained" : roll < 92 ? "duplicate" : "spam";
      reason =
          resolution.equals("explained")
              ? "We don't offer this in your area yet; your street is on the list for next year."
              : null;
      event(
          end,
          responder.name(),
          "resolved",
          reason == null ? resolution : resolution + ": " + reason);
    }
    for (int i = 0; i < responseRuns.size(); i++) {
      long[] run = responseRuns.get(i);
      clock(
          kase,
          team,
          i == 0 ? "first-response" : "next-response",
          run[0],
          run[1],
          i == 0 ? FIRST_RESPONSE : NEXT_RESPONSE,
          List.of());
    }
    clock(kase, team, "resolution", kase.openedAt, kase.resolved() ? end : 0, RESOLUTION, waits);
    for (long[] wait : waits) {
      out.caseWaits.row(
          kase.id, instant(wait[0]), wait[1] == Long.MAX_VALUE ? null : instant(wait[1]));
    }
    events.sort(Comparator.comparingLong(Event::at));
    long updated = kase.openedAt;
    for (Event e : events) {
      out.caseEvents.row(out.eventId++, kase.id, instant(e.at()), e.actor(), e.kind(), e.details());
      updated = Math.max(updated, e.at());
    }
    String status = kase.resolved() ? "resolved" : waiting ? "waiting" : "open";
    out.cases.row(
        kase.id,
        tenant.companyId(),
        kase.number,
        kase.code,
        kase.customer.id,
        status,
        resolution,
        reason,
        intent,
        kase.team,
        assignee == null ? null : assignee.userId().toString(),
        instant(kase.openedAt),
        instant(updated),
        kase.resolved() ? instant(end) : null,
        firstReply == 0 ? null : instant(firstReply),
        escalatedTo);
  }

  private void reply(
      InboxShape.Case kase,
      InboxTenants.Tenant tenant,
      InboxTenants.Rep rep,
      InboxShape.Mention answered,
      long at) {
    long id = out.replyId++;
    String first = kase.customer.name.substring(0, kase.customer.name.indexOf(' '));
    String text =
        PostTexts.reply(
            random, first, tenant.products().get(random.nextInt(tenant.products().size())));
    String sent =
        text
            + "\n\nCase "
            + kase.number
            + " · http://localhost:8080/cases/"
            + tenant.slug()
            + "/"
            + kase.number
            + "?code="
            + kase.code;
    String remoteId = Long.toString(900_000_000L + id);
    String url = SeedValues.replyUrl(answered.author.source, tenant, remoteId);
    out.caseReplies.row(
        id,
        kase.id,
        answered.id,
        "public",
        rep.name(),
        text,
        sent,
        "sent",
        remoteId,
        url,
        null,
        instant(at),
        instant(at));
    event(
        at,
        rep.name(),
        "replied",
        "in public on " + answered.author.source + " at " + url + "; waiting on the customer");
  }

  /**
   * One run of a target as the evaluator settles it, with the events it records: a warning, a
   * breach and, for a case not resolved by then, the escalation to the team's lead.
   */
  private void clock(
      InboxShape.Case kase,
      InboxTenants.Team team,
      String target,
      long start,
      long stop,
      long limit,
      List<long[]> pauses) {
    SlaRun run = SlaRun.settle(start, stop, pauses, limit, WARN_AT, now, random);
    String what = target.replace('-', ' ');
    if (run.warned() != null && !run.warned().equals(run.breached())) {
      event(
          run.warned(),
          "sla-warning",
          what
              + " due in "
              + SlaRun.words(limit - limit * WARN_AT / 100)
              + " of business time ("
              + WARN_AT
              + "% of "
              + SlaRun.words(limit)
              + " used)");
    }
    Long breached = run.breached();
    if (breached != null) {
      event(
          breached,
          "sla-breached",
          what + " took longer than " + SlaRun.words(limit) + " of business time");
      if (!kase.resolved() || kase.resolvedAt > breached) {
        if (team.lead() == null) {
          event(breached, "escalated", "to nobody: team " + team.name() + " has no lead");
        } else {
          escalatedTo = team.lead();
          event(
              breached,
              "escalated",
              "to "
                  + out.nameOf(team.lead())
                  + " ("
                  + team.lead()
                  + "), lead of team "
                  + team.name()
                  + ": "
                  + what
                  + " breached");
        }
      }
    }
    out.clocks.row(
        out.clockId++,
        kase.id,
        target,
        instant(start),
        stop == 0 ? null : instant(stop),
        run.warned() == null ? null : instant(run.warned()),
        breached == null ? null : instant(breached),
        run.met());
  }

  private long logNormal(long median) {
    return (long) (median * Math.exp(random.nextGaussian() * 1.1));
  }

  private void event(long at, String kind, String details) {
    event(at, "Caveat", kind, details);
  }

  private void event(long at, String actor, String kind, String details) {
    events.add(new Event(at, actor, kind, details));
  }

  private String note() {
    String[] notes = {
      "promised a call back before five.",
      "line test shows noise on the copper, engineer needed.",
      "wants the late fee waived, said yes.",
      "asked about moving to the Pro plan.",
      "very upset, handle with care."
    };
    return notes[random.nextInt(notes.length)];
  }

  private static String who(InboxShape.Mention m) {
    return m.author.handle + " on " + m.author.source;
  }

  private static Instant instant(long at) {
    return Instant.ofEpochMilli(at);
  }
}
