package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Pages through a company's mentions, newest first, for the API and the inbox alike. */
@Service
class MentionFeed {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  record Page(List<Mentions.Mention> items, String nextCursor) {}

  private final Mentions mentions;

  MentionFeed(Mentions mentions) {
    this.mentions = mentions;
  }

  Page page(CompanyId company, Mentions.Filter filter, String cursor, Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    List<Mentions.Mention> rows = mentions.page(company, filter, Cursor.decode(cursor), size + 1);
    if (rows.size() <= size) {
      return new Page(rows, null);
    }
    List<Mentions.Mention> items = rows.subList(0, size);
    Mentions.Mention last = items.getLast();
    return new Page(
        List.copyOf(items), Cursor.encode(new Mentions.Position(last.postedAt(), last.id())));
  }

  Mentions.Mention one(CompanyId company, long id) {
    return mentions
        .find(company, id)
        .orElseThrow(
            () -> ApiException.notFound("There is no mention " + id + " in this company."));
  }
}
