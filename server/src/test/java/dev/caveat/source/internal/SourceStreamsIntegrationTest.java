package dev.caveat.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stream leases: one instance streams a source at a time, and a dead instance's lease lapses. */
@Tag("persistence")
class SourceStreamsIntegrationTest extends IntegrationTestSupport {

  /** A type no connector serves, so this application's own supervisor leaves these rows alone. */
  private static final Set<String> TYPES = Set.of("lease-test-" + UUID.randomUUID());

  @Autowired Sources sources;
  @Autowired SourceStreams streams;

  @Test
  void aLeaseIsHeldByOneOwnerUntilReleasedOrLapsed() {
    Instant now = Instant.now();
    UUID id = source(true);
    UUID paused = source(false);
    Instant lease = now.plus(Duration.ofSeconds(30));

    assertThat(streams.claim("a", TYPES, now, lease)).containsExactly(id);
    assertThat(streams.claim("b", TYPES, now, lease)).isEmpty();
    assertThat(streams.claim("a", TYPES, now.plusSeconds(20), lease.plusSeconds(20)))
        .as("renewed by its holder")
        .containsExactly(id);
    assertThat(streams.claim("b", TYPES, now.plusSeconds(40), lease.plusSeconds(40)))
        .as("still held: the renewal moved the lease on")
        .isEmpty();
    assertThat(streams.claim("b", TYPES, now.plusSeconds(60), lease.plusSeconds(60)))
        .as("lapsed: its holder stopped renewing")
        .containsExactly(id);

    streams.release(id, "a");
    assertThat(streams.claim("a", TYPES, now.plusSeconds(61), lease.plusSeconds(61)))
        .as("only the holder can release")
        .isEmpty();
    streams.release(id, "b");
    assertThat(streams.claim("a", TYPES, now.plusSeconds(62), lease.plusSeconds(62)))
        .containsExactly(id)
        .doesNotContain(paused);
  }

  private UUID source(boolean enabled) {
    return sources
        .insert(
            new Sources.NewSource(
                "lease-" + UUID.randomUUID(),
                TYPES.iterator().next(),
                "ws://public.example/subscribe",
                "{}",
                Duration.ofMinutes(5),
                enabled,
                false,
                null),
            Instant.now())
        .orElseThrow()
        .id();
  }
}
