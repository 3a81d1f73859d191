package dev.caveat.core.match;

import dev.caveat.core.post.Post;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** How a post is laid out as a Lucene document for matching. */
final class PostDocuments {

  /** Title and text. */
  static final String BODY = "body";

  /** Title and text without e-mail and web addresses, for monitors that ignore addresses. */
  static final String BODY_WITHOUT_ADDRESSES = "body_without_addresses";

  static final String TITLE = "title";

  /** The author's handle and name, as two values. */
  static final String AUTHOR = "author";

  /** The host of the post's address and every domain above it, each one whole value. */
  static final String SITE = "site";

  /** The two-letter language code, lowercase. */
  static final String LANG = "lang";

  private PostDocuments() {}

  static Document of(Post post) {
    Document doc = new Document();
    String body = join(post.title(), post.text());
    text(doc, BODY, body);
    text(doc, BODY_WITHOUT_ADDRESSES, body);
    text(doc, TITLE, post.title());
    if (post.author() != null) {
      text(doc, AUTHOR, post.author().handle());
      text(doc, AUTHOR, post.author().name());
    }
    for (String site : Sites.of(post.url())) {
      doc.add(new StringField(SITE, site, Field.Store.NO));
    }
    if (post.language() != null) {
      doc.add(new StringField(LANG, post.language().toLowerCase(Locale.ROOT), Field.Store.NO));
    }
    return doc;
  }

  private static String join(String title, String text) {
    if (title == null) {
      return text;
    }
    return text == null ? title : title + "\n" + text;
  }

  private static void text(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new TextField(field, value, Field.Store.NO));
    }
  }
}
