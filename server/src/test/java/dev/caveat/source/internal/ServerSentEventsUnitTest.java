package dev.caveat.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerSentEventsUnitTest {

  private final AtomicInteger signs = new AtomicInteger();

  @Test
  void eventsAreReadWithTheirTypeAndDataLinesJoined() throws IOException {
    ServerSentEvents events =
        events(
            ":thump\n\nevent: update\r\ndata: {\"id\":\r\ndata:\"1\"}\r\n\r\n"
                + "event: delete\nid: 7\nretry: 10\ndata: 1\n\n"
                + "event: ignored-without-data\n\n"
                + "data: untyped\n\n"
                + "event: cut\ndata: off");

    assertThat(events.next())
        .isEqualTo(new ServerSentEvents.Event("update", "{\"id\":\n\"1\"}", false, null, 11));
    assertThat(events.next().data()).isEqualTo("1");
    ServerSentEvents.Event untyped = events.next();
    assertThat(untyped.type()).isNull();
    assertThat(untyped.data()).isEqualTo("untyped");
    assertThat(events.next()).as("an event the stream ended inside is dropped").isNull();
    assertThat(signs.get()).as("every line, heartbeats too, is a sign of life").isEqualTo(17);
  }

  @Test
  void anEventPastTheCapIsReportedNotKeptAndTheNextStillArrives() throws IOException {
    String big = "x".repeat(70);
    ServerSentEvents events =
        new ServerSentEvents(
            stream(
                "event: update\ndata: "
                    + big
                    + "\ndata: "
                    + big
                    + "\n\nevent: update\ndata: ok\n\n"),
            100,
            signs::incrementAndGet);

    ServerSentEvents.Event tooLarge = events.next();
    assertThat(tooLarge.tooLarge()).isTrue();
    assertThat(tooLarge.data()).isNull();
    assertThat(tooLarge.start()).startsWith("xxxx");
    assertThat(tooLarge.bytes()).isGreaterThan(100);
    assertThat(events.next().data()).isEqualTo("ok");
  }

  private ServerSentEvents events(String text) {
    return new ServerSentEvents(stream(text), 1024, signs::incrementAndGet);
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
