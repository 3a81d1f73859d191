package dev.caveat.core.match;

import dev.caveat.core.post.Post;
import dev.caveat.core.query.QueryParser;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;

/**
 * The layout matching uses, for an index of stored posts that is searched with the same monitor
 * language: the same analysis, the same fields, the same compiled queries.
 */
public final class PostSearchForm {

  private PostSearchForm() {}

  /** The analyzer an index of post documents must be written with. */
  public static Analyzer analyzer() {
    return new PostAnalyzer();
  }

  /** The post's searchable fields; callers add their own keys and sort fields. */
  public static Document document(Post post) {
    return PostDocuments.of(post);
  }

  /**
   * @throws dev.caveat.core.query.QuerySyntaxException when the query does not parse
   */
  public static Query query(String monitorQuery) {
    return new QueryCompiler().compile(QueryParser.parse(monitorQuery));
  }
}
