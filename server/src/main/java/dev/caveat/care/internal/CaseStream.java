package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The reps' open pages that watch a company's cases, each a server-sent event stream. A change of a
 * case goes to the streams of its own company only. Streams end on timeout, when the browser goes
 * away, or on an error, and are forgotten then; a comment every {@code
 * caveat.care.stream.heartbeat} keeps proxies from closing a quiet one, and shows early which
 * browsers left.
 *
 * <p>Events go out from one thread of their own, in order, so that a slow browser never holds up
 * the transaction that changed a case.
 */
@Component
class CaseStream {

  private static final Logger log = LoggerFactory.getLogger(CaseStream.class);

  /** What a page hears: the case and the kinds of event its history gained, in order. */
  record Signal(String number, List<String> kinds) {}

  private final Map<CompanyId, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("case-stream").daemon().factory());
  private final Duration timeout;

  CaseStream(@Value("${caveat.care.stream.timeout:30m}") Duration timeout) {
    this.timeout = timeout;
  }

  /** A new stream of the company's case changes. */
  SseEmitter watch(CompanyId company) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    watchers.compute(
        company,
        (id, emitters) -> {
          Set<SseEmitter> all = emitters == null ? ConcurrentHashMap.newKeySet() : emitters;
          all.add(emitter);
          return all;
        });
    emitter.onCompletion(() -> forget(company, emitter));
    emitter.onTimeout(
        () -> {
          forget(company, emitter);
          emitter.complete();
        });
    emitter.onError(e -> forget(company, emitter));
    // The first bytes open the stream in the browser at once, before any case changes.
    send(company, emitter, SseEmitter.event().comment("watching").reconnectTime(3_000));
    return emitter;
  }

  /** Tells each company's watchers which of its cases changed, one signal per case. */
  void publish(Collection<CaseChanged> changes) {
    Map<CompanyId, Map<String, List<String>>> byCompany =
        changes.stream()
            .collect(
                Collectors.groupingBy(
                    CaseChanged::company,
                    Collectors.groupingBy(
                        CaseChanged::number,
                        LinkedHashMap::new,
                        Collectors.mapping(CaseChanged::kind, Collectors.toList()))));
    byCompany.forEach(
        (company, cases) -> later(() -> cases.forEach((n, k) -> tell(company, n, k))));
  }

  private void tell(CompanyId company, String number, List<String> kinds) {
    Signal signal = new Signal(number, List.copyOf(new LinkedHashSet<>(kinds)));
    for (SseEmitter emitter : watchersOf(company)) {
      send(
          company,
          emitter,
          SseEmitter.event().name("case").data(signal, MediaType.APPLICATION_JSON));
    }
  }

  @Scheduled(
      fixedDelayString = "${caveat.care.stream.heartbeat:15s}",
      initialDelayString = "${caveat.care.stream.heartbeat:15s}")
  void heartbeat() {
    later(
        () ->
            watchers.forEach(
                (company, emitters) ->
                    List.copyOf(emitters)
                        .forEach(e -> send(company, e, SseEmitter.event().comment("heartbeat")))));
  }

  /** How many streams watch the company's cases now. */
  int watching(CompanyId company) {
    return watchersOf(company).size();
  }

  /**
   * Ends the company's streams. Their pages reconnect, and fetch again what they show, since what
   * changed while they were away is not sent again.
   */
  void end(CompanyId company) {
    Set<SseEmitter> emitters = watchers.remove(company);
    if (emitters != null) {
      List.copyOf(emitters).forEach(SseEmitter::complete);
    }
  }

  /** Ends every stream before the server stops, which would otherwise wait for them. */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    List.copyOf(watchers.keySet()).forEach(this::end);
    sender.shutdownNow();
  }

  /** Runs on the sending thread; once the application stops, there is nobody left to tell. */
  private void later(Runnable sending) {
    try {
      sender.execute(sending);
    } catch (RejectedExecutionException stopped) {
      log.debug("Case streams are closed; a change goes untold");
    }
  }

  private List<SseEmitter> watchersOf(CompanyId company) {
    Set<SseEmitter> emitters = watchers.get(company);
    return emitters == null ? List.of() : List.copyOf(emitters);
  }

  private void send(CompanyId company, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException e) {
      // The browser went away, or the stream ended meanwhile.
      log.debug("A case stream of company {} ended: {}", company.value(), e.getMessage());
      forget(company, emitter);
    }
  }

  private void forget(CompanyId company, SseEmitter emitter) {
    watchers.computeIfPresent(
        company,
        (id, emitters) -> {
          emitters.remove(emitter);
          return emitters.isEmpty() ? null : emitters;
        });
  }
}
