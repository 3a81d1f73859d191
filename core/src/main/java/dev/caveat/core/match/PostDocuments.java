package dev.caveat.core.match;

import dev.caveat.core.post.Post;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/** How a post is laid out as a Lucene document for matching. */
final class PostDocuments {

  static final String BODY = "body";

  private PostDocuments() {}

  static Document of(Post post) {
    Document doc = new Document();
    String body = post.title() == null ? post.text() : post.title() + "\n" + post.text();
    doc.add(new TextField(BODY, body, Field.Store.NO));
    return doc;
  }
}
