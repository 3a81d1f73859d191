package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.match.PostSearchForm;
import dev.caveat.core.query.QuerySyntaxException;
import dev.caveat.platform.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Pages through a company's mentions, newest first, for the API and the inbox alike. */
@Service
class MentionFeed {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  record Page(List<Mentions.Mention> items, String nextCursor) {}

  private final Mentions mentions;
  private final MentionIndex index;

  MentionFeed(Mentions mentions, MentionIndex index) {
    this.mentions = mentions;
    this.index = index;
  }

  /**
   * A page of mentions, newest first. With a query {@code q} in the monitor language the search
   * index finds them; without, the database lists them.
   */
  Page page(CompanyId company, Mentions.Filter filter, String q, String cursor, Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    Mentions.Position after = Cursor.decode(cursor);
    List<Mentions.Mention> rows =
        q == null || q.isBlank()
            ? mentions.page(company, filter, after, size + 1)
            : search(company, filter, q, after, size + 1);
    if (rows.size() <= size) {
      return new Page(rows, null);
    }
    List<Mentions.Mention> items = rows.subList(0, size);
    Mentions.Mention last = items.getLast();
    return new Page(
        List.copyOf(items), Cursor.encode(new Mentions.Position(last.postedAt(), last.id())));
  }

  private List<Mentions.Mention> search(
      CompanyId company, Mentions.Filter filter, String q, Mentions.Position after, int limit) {
    Query query;
    try {
      query = PostSearchForm.query(q);
    } catch (QuerySyntaxException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "The search has an error. " + e.getMessage(),
          Map.of("position", e.position(), "expected", e.expected()));
    }
    try {
      return mentions.findAll(
          company, index.search(company, query, filter.since(), filter.intent(), after, limit));
    } catch (IOException e) {
      throw new UncheckedIOException("The search index could not be read", e);
    }
  }

  Mentions.Mention one(CompanyId company, long id) {
    return mentions
        .find(company, id)
        .orElseThrow(
            () -> ApiException.notFound("There is no mention " + id + " in this company."));
  }
}
