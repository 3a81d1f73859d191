package dev.caveat.core.match;

import dev.caveat.core.match.MatchEngine.StandingQuery;
import dev.caveat.core.query.QueryField;
import dev.caveat.core.query.QueryNode;
import dev.caveat.core.query.QueryParser;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a parsed monitor query into a Lucene query over the fields of {@link PostDocuments}.
 * Clauses without a field look in the body; a monitor that ignores addresses looks in the body
 * without them. Exclusions always look in the whole body: an address is often exactly what one
 * wants to exclude.
 */
final class QueryCompiler {

  /**
   * @throws dev.caveat.core.query.QuerySyntaxException if the query or an exclusion does not parse;
   *     for an exclusion, the position is within that exclusion
   */
  Query compile(StandingQuery standing) {
    QueryNode query = QueryParser.parse(standing.query());
    List<QueryNode> exclusions = standing.exclusions().stream().map(QueryParser::parse).toList();
    String body =
        standing.ignoreAddresses() ? PostDocuments.BODY_WITHOUT_ADDRESSES : PostDocuments.BODY;
    Query main = compile(query, body);
    if (exclusions.isEmpty()) {
      return main;
    }
    BooleanQuery.Builder guarded = new BooleanQuery.Builder().add(main, Occur.MUST);
    for (QueryNode exclusion : exclusions) {
      guarded.add(compile(exclusion, PostDocuments.BODY), Occur.MUST_NOT);
    }
    return guarded.build();
  }

  Query compile(QueryNode node) {
    return compile(node, PostDocuments.BODY);
  }

  /**
   * Thousands of monitors repeat the same parts — a brand's words in each of its company's
   * monitors, the same products, prefixes and alternatives across companies — so equal parts are
   * shared.
   */
  private static final Interner<Query> SHARED = new Interner<>();

  /** {@code field} is the document field that the node's words are looked for in. */
  private Query compile(QueryNode node, String field) {
    return SHARED.intern(unshared(node, field));
  }

  private Query unshared(QueryNode node, String field) {
    return switch (node) {
      case QueryNode.Term t -> words(field, t.text());
      case QueryNode.Phrase p -> words(field, p.text());
      case QueryNode.Prefix p -> prefix(field, p.text());
      case QueryNode.Near n -> new IntervalQuery(textField(field), NearSources.near(n));
      case QueryNode.Field f -> compile(f.clause(), documentField(f.field()));
      case QueryNode.Not n ->
          new BooleanQuery.Builder()
              .add(new MatchAllDocsQuery(), Occur.FILTER)
              .add(compile(n.clause(), field), Occur.MUST_NOT)
              .build();
      case QueryNode.And a -> {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (QueryNode clause : a.clauses()) {
          if (clause instanceof QueryNode.Not n) {
            all.add(compile(n.clause(), field), Occur.MUST_NOT);
          } else {
            all.add(compile(clause, field), Occur.MUST);
          }
        }
        yield all.build();
      }
      case QueryNode.Or o -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (QueryNode clause : o.clauses()) {
          any.add(compile(clause, field), Occur.SHOULD);
        }
        yield any.build();
      }
    };
  }

  /**
   * Only the body has an address-free twin: titles and author names are short, and a brand's
   * address rarely stands in them.
   */
  private static String documentField(QueryField field) {
    return switch (field) {
      case TITLE -> PostDocuments.TITLE;
      case AUTHOR -> PostDocuments.AUTHOR;
      case SITE -> PostDocuments.SITE;
      case LANG -> PostDocuments.LANG;
    };
  }

  /**
   * A term like "e-mail" analyses to two tokens, so terms and phrases alike become phrase queries
   * over their tokens; a word with nothing searchable in it can never match. Site and language are
   * whole values, compared as typed apart from case.
   */
  private static Query words(String field, String text) {
    if (field.equals(PostDocuments.SITE)) {
      String host = Sites.typed(text);
      return host.isEmpty() ? nothing(text) : new TermQuery(new Term(field, host));
    }
    if (field.equals(PostDocuments.LANG)) {
      return new TermQuery(new Term(field, text.toLowerCase(Locale.ROOT)));
    }
    List<String> tokens = QueryText.tokens(text);
    return switch (tokens.size()) {
      case 0 -> nothing(text);
      case 1 -> new TermQuery(new Term(field, tokens.getFirst()));
      default -> new PhraseQuery(field, tokens.toArray(String[]::new));
    };
  }

  private static Query prefix(String field, String text) {
    List<String> tokens = QueryText.tokens(text);
    if (tokens.isEmpty()) {
      return nothing(text);
    }
    if (tokens.size() == 1) {
      return new PrefixQuery(new Term(textField(field), tokens.getFirst()));
    }
    return new IntervalQuery(textField(field), NearSources.prefixPhrase(tokens));
  }

  private static String textField(String field) {
    if (field.equals(PostDocuments.SITE) || field.equals(PostDocuments.LANG)) {
      throw new IllegalArgumentException(field + " holds whole values, not words");
    }
    return field;
  }

  private static Query nothing(String text) {
    return new MatchNoDocsQuery("no searchable characters in " + text);
  }
}
