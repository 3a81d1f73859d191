package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.listening.MentionDetails;
import dev.caveat.platform.ApiException;
import dev.caveat.source.Replies;
import dev.caveat.source.ReplyException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rep answers a case. A public reply goes back through the source of the customer's newest post
 * that Caveat can reply on, and carries the case number with a link to the case's public page,
 * where anyone can see that a verified rep of the company wrote it. A private reply goes by e-mail
 * ({@link PrivateReplying}).
 *
 * <p>The reply is stored before it goes out and settled after, each in its own transaction: what
 * the rep wrote is never lost, and no database connection waits on a remote server.
 */
@Service
class CaseReplying {

  static final int MAX_TEXT = 5_000;

  private final Cases cases;
  private final CaseReplies replies;
  private final CaseHistory history;
  private final SlaClocks clocks;
  private final MentionDetails mentions;
  private final Replies channels;
  private final CasePages pages;
  private final PrivateReplying privately;
  private final ReplyingNow replyingNow;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CaseReplying(
      Cases cases,
      CaseReplies replies,
      CaseHistory history,
      SlaClocks clocks,
      MentionDetails mentions,
      Replies channels,
      CasePages pages,
      PrivateReplying privately,
      ReplyingNow replyingNow,
      TransactionTemplate transactions,
      Clock clock) {
    this.cases = cases;
    this.replies = replies;
    this.history = history;
    this.clocks = clocks;
    this.mentions = mentions;
    this.channels = channels;
    this.pages = pages;
    this.privately = privately;
    this.replyingNow = replyingNow;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Who sends a reply, and the newest reply of the case they had seen (null: not said). */
  record Sender(UUID id, String name, Long sawReply, boolean force) {}

  /**
   * Sends the reply, unless a colleague replied since the sender last read the case and the sender
   * did not insist: two reps answering one customer at once say the same thing twice in public.
   */
  CaseReplies.Reply reply(
      CompanyId company, String number, String text, String visibility, Sender sender) {
    String rep = sender.name();
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("text is required");
    }
    if (text.length() > MAX_TEXT) {
      throw ApiException.badRequest("text must be at most " + MAX_TEXT + " characters");
    }
    String how = visibility == null ? "public" : visibility.strip().toLowerCase(Locale.ROOT);
    if (!how.equals("public") && !how.equals("private")) {
      throw ApiException.badRequest("visibility must be public or private");
    }
    Cases.Case kase = cases.require(company, number);
    if (how.equals("private")) {
      CaseReplies.Reply mailed = privately.reply(company, kase, text.strip(), sender);
      replyingNow.stopped(kase.id(), sender.id());
      return mailed;
    }
    MentionDetails.Details answered = answerable(company, kase);
    String sentText = text.strip() + "\n\n" + pages.signature(company, kase);
    Instant now = clock.instant();
    Long stored =
        transactions.execute(
            status -> {
              replies.lockCase(kase.id());
              if (sender.sawReply() != null && !sender.force()) {
                replies
                    .newestByOthers(kase.id(), sender.sawReply(), sender.id(), rep)
                    .ifPresent(
                        colleague -> {
                          throw colleagueReplied(kase, colleague);
                        });
              }
              return replies.sending(
                  kase.id(), answered.id(), how, rep, sender.id(), text.strip(), sentText, now);
            });
    long id = stored;
    replyingNow.stopped(kase.id(), sender.id());
    Replies.Sent sent;
    try {
      sent =
          channels.reply(
              target(answered), sentText, "caveat-reply-" + id, pages.replyPage(company, kase, id));
    } catch (ReplyException e) {
      transactions.executeWithoutResult(
          status -> {
            replies.failed(id, e.getMessage());
            history.record(
                kase.id(), clock.instant(), rep, CaseHistory.REPLY_FAILED, e.getMessage());
          });
      throw new ApiException(
          e.kind() == ReplyException.Kind.UNREACHABLE
              ? HttpStatus.BAD_GATEWAY
              : HttpStatus.CONFLICT,
          e.getMessage() + " The reply is kept on the case as failed.");
    }
    Instant at = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          replies.sent(id, sent.remoteId(), sent.url(), at);
          clocks.replied(kase.id(), cases.replied(kase.id(), at), at);
          history.record(
              kase.id(),
              at,
              rep,
              CaseHistory.REPLIED,
              "in public on "
                  + answered.source()
                  + (sent.url() == null ? "" : " at " + sent.url())
                  + "; waiting on the customer");
        });
    return replies.of(kase.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }

  /** The customer's newest post in the case that can be answered where it was made. */
  private MentionDetails.Details answerable(CompanyId company, Cases.Case kase) {
    List<MentionDetails.Details> filed = mentions.findAll(company, history.mentionIds(kase.id()));
    for (MentionDetails.Details mention : filed.reversed()) {
      if (channels.canReply(target(mention))) {
        return mention;
      }
    }
    throw ApiException.conflict(
        "None of the posts of case "
            + kase.number()
            + " came through a source Caveat can reply on ("
            + String.join(
                ", ", filed.stream().map(MentionDetails.Details::source).distinct().toList())
            + "); reply where the customer wrote, or privately.");
  }

  private static Replies.Target target(MentionDetails.Details mention) {
    return new Replies.Target(
        mention.source(), mention.externalId(), mention.url(), mention.authorHandle());
  }

  private static ApiException colleagueReplied(Cases.Case kase, CaseReplies.Reply colleague) {
    return new ApiException(
        HttpStatus.CONFLICT,
        colleague.author()
            + " replied to case "
            + kase.number()
            + " after you opened it. Read their reply first; send yours with \"force\": true"
            + " if it still needs saying.",
        Map.of("colleague", colleague.author(), "reply", colleague.id()));
  }
}
