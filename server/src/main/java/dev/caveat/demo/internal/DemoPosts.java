package dev.caveat.demo.internal;

import dev.caveat.core.post.Post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled sample posts. Each says how long ago it was posted, so a first run looks live; the
 * ids are fixed, so a replay on a later start is all duplicates.
 */
@Component
class DemoPosts {

  record Sample(
      String source,
      String externalId,
      String url,
      Post.Author author,
      String title,
      String text,
      long minutesAgo) {}

  private final JsonMapper json;
  private final Clock clock;

  DemoPosts(JsonMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  List<Post> load() {
    Instant now = clock.instant();
    List<Post> posts = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource("demo/posts.ndjson").getInputStream(),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Sample sample = json.readValue(line, Sample.class);
        posts.add(
            new Post(
                sample.source(),
                sample.externalId(),
                sample.url(),
                sample.author(),
                sample.title(),
                sample.text(),
                null,
                now.minus(Duration.ofMinutes(sample.minutesAgo())),
                null,
                null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The bundled demo posts could not be read", e);
    }
    return posts;
  }
}
