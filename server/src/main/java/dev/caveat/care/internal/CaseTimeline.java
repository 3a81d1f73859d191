package dev.caveat.care.internal;

import dev.caveat.listening.MentionDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A case's whole history in time order, as the case page shows it: the customer's posts, the
 * replies, the internal notes and every other event. Events that only say a post, reply or note was
 * added are left out: the entry itself shows it, with more.
 */
final class CaseTimeline {

  /**
   * One entry: {@code kind} is {@code mention}, {@code reply}, {@code note} or {@code event}, and
   * {@code item} the matching {@link MentionDetails.Details}, {@link CaseReplies.Reply}, {@link
   * CaseHistory.Note} or {@link CaseHistory.Event}.
   */
  record Entry(String kind, Instant at, Object item) {}

  private static final Set<String> SHOWN_AS_ENTRIES =
      Set.of(
          CaseHistory.MENTION_ADDED,
          CaseHistory.NOTE_ADDED,
          CaseHistory.REPLIED,
          CaseHistory.REPLY_FAILED);

  private CaseTimeline() {}

  static List<Entry> of(CaseWork.Whole whole) {
    List<Entry> entries = new ArrayList<>();
    for (MentionDetails.Details m : whole.mentions()) {
      entries.add(
          new Entry("mention", m.postedAt() == null ? whole.kase().openedAt() : m.postedAt(), m));
    }
    for (CaseHistory.Event e : whole.events()) {
      if (!SHOWN_AS_ENTRIES.contains(e.kind())) {
        entries.add(new Entry("event", e.at(), e));
      }
    }
    for (CaseReplies.Reply r : whole.replies()) {
      entries.add(new Entry("reply", r.createdAt(), r));
    }
    for (CaseHistory.Note n : whole.notes()) {
      entries.add(new Entry("note", n.at(), n));
    }
    // A stable sort: what happened at the same instant keeps the order it was added in above.
    entries.sort(Comparator.comparing(Entry::at));
    return List.copyOf(entries);
  }
}
