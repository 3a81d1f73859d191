package dev.caveat.core.match;

import dev.caveat.core.query.QueryNode;
import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Term;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/** Turns a parsed monitor query into a Lucene query over the post body field. */
final class QueryCompiler {

  private final QueryBuilder builder;

  QueryCompiler(Analyzer analyzer) {
    this.builder = new QueryBuilder(analyzer);
  }

  Query compile(QueryNode node) {
    return switch (node) {
      case Term t -> words(t.text());
      case Phrase p -> words(p.text());
      case Not n ->
          new BooleanQuery.Builder()
              .add(new MatchAllDocsQuery(), Occur.FILTER)
              .add(compile(n.clause()), Occur.MUST_NOT)
              .build();
      case And a -> {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (QueryNode clause : a.clauses()) {
          if (clause instanceof Not n) {
            all.add(compile(n.clause()), Occur.MUST_NOT);
          } else {
            all.add(compile(clause), Occur.MUST);
          }
        }
        yield all.build();
      }
      case Or o -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (QueryNode clause : o.clauses()) {
          any.add(compile(clause), Occur.SHOULD);
        }
        yield any.build();
      }
    };
  }

  /**
   * A term like "e-mail" analyses to two tokens, so terms and phrases alike become phrase queries
   * over their tokens; a word with nothing searchable in it can never match.
   */
  private Query words(String text) {
    Query query = builder.createPhraseQuery(PostDocuments.BODY, text);
    return query == null ? new MatchNoDocsQuery("no searchable characters in " + text) : query;
  }
}
