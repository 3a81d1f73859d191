package dev.caveat.listening;

import dev.caveat.account.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may read of a company's mentions, and the case a mention is filed under. */
public interface MentionDetails {

  /** A mention with what its post said and who said it where. */
  record Details(
      long id,
      String source,
      String externalId,
      String url,
      String authorHandle,
      String authorName,
      String authorUrl,
      String text,
      String intent,
      Instant postedAt) {}

  Optional<Details> find(CompanyId company, long mentionId);

  /** The company's mentions with these ids, in the order given; ids of others are skipped. */
  List<Details> findAll(CompanyId company, List<Long> mentionIds);

  /** Records the number of the case the mention belongs to, so the mentions API shows it. */
  void fileUnderCase(CompanyId company, long mentionId, String caseNumber);
}
