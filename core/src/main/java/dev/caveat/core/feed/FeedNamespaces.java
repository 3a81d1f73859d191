package dev.caveat.core.feed;

/** The XML namespaces feeds use, by the URIs that identify them (prefixes vary). */
final class FeedNamespaces {

  static final String NONE = "";
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ATOM_03 = "http://purl.org/atom/ns#";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String RSS_1 = "http://purl.org/rss/1.0/";
  static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String THREAD = "http://purl.org/syndication/thread/1.0";

  private FeedNamespaces() {}
}
