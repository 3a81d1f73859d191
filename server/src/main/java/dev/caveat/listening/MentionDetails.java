package dev.caveat.listening;

import dev.caveat.account.CompanyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may read of a company's mentions, and the case a mention is filed under. */
public interface MentionDetails {

  /**
   * A mention with what its post said, who said it where, and how it was classified: the post's
   * language (ISO 639-1, or null when unknown), sentiment from -1 to 1 (null when not classified),
   * urgency flags such as {@code churn} or {@code legal}, the company's products it names, and the
   * name of the monitor that found it.
   */
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
      Instant postedAt,
      String language,
      Double sentiment,
      List<String> urgency,
      List<String> products,
      String monitor) {

    public Details {
      urgency = urgency == null ? List.of() : List.copyOf(urgency);
      products = products == null ? List.of() : List.copyOf(products);
    }
  }

  Optional<Details> find(CompanyId company, long mentionId);

  /** The company's mentions with these ids, in the order given; ids of others are skipped. */
  List<Details> findAll(CompanyId company, List<Long> mentionIds);

  /** Records the number of the case the mention belongs to, so the mentions API shows it. */
  void fileUnderCase(CompanyId company, long mentionId, String caseNumber);
}
