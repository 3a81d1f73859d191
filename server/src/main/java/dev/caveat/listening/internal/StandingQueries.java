package dev.caveat.listening.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.match.MatchEngine;
import dev.caveat.core.post.Post;
import dev.caveat.core.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Every company's monitors, compiled and held in memory for matching. They are loaded before the
 * web server opens, so no post is matched against an empty set; changes are applied after the
 * monitor's own transaction commits, so the next post matched sees them without a restart.
 */
@Component
class StandingQueries implements SmartInitializingSingleton, AutoCloseable {

  record MonitorRef(UUID id, CompanyId company, String name) {}

  private static final Logger log = LoggerFactory.getLogger(StandingQueries.class);

  private final Monitors monitors;
  private final MatchEngine engine = new MatchEngine();
  private final Map<String, MonitorRef> refs = new ConcurrentHashMap<>();

  StandingQueries(Monitors monitors) {
    this.monitors = monitors;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<Monitors.Monitor> all = monitors.findAll();
    try {
      engine.register(all.stream().map(StandingQueries::standing).toList());
    } catch (QuerySyntaxException oneIsBroken) {
      registerOneByOne(all);
    }
    for (Monitors.Monitor monitor : all) {
      refs.put(
          monitor.id().toString(), new MonitorRef(monitor.id(), monitor.company(), monitor.name()));
    }
    log.info("Matching against {} monitors", engine.size());
  }

  /**
   * A monitor saved under an older version of the language may no longer parse; it must not keep
   * the others from working, so it is skipped and named in the log.
   */
  private void registerOneByOne(List<Monitors.Monitor> all) {
    for (Monitors.Monitor monitor : all) {
      try {
        engine.register(standing(monitor));
      } catch (QuerySyntaxException e) {
        log.warn(
            "Monitor {} no longer parses and is not matched: {}", monitor.id(), e.getMessage());
      }
    }
  }

  static MatchEngine.StandingQuery standing(Monitors.Monitor monitor) {
    Monitors.Definition definition = monitor.definition();
    return new MatchEngine.StandingQuery(
        monitor.id().toString(),
        definition.query(),
        definition.ignoreAddresses(),
        definition.exclusions());
  }

  void putAll(List<Monitors.Monitor> added) {
    engine.register(added.stream().map(StandingQueries::standing).toList());
    for (Monitors.Monitor monitor : added) {
      refs.put(
          monitor.id().toString(), new MonitorRef(monitor.id(), monitor.company(), monitor.name()));
    }
  }

  void put(Monitors.Monitor monitor) {
    engine.register(standing(monitor));
    refs.put(
        monitor.id().toString(), new MonitorRef(monitor.id(), monitor.company(), monitor.name()));
  }

  void remove(UUID id) {
    engine.remove(id.toString());
    refs.remove(id.toString());
  }

  /** The monitors that match the post, by company. */
  List<MonitorRef> match(Post post) {
    Set<String> ids = engine.match(post);
    List<MonitorRef> matched = new ArrayList<>(ids.size());
    for (String id : ids) {
      MonitorRef ref = refs.get(id);
      if (ref != null) {
        matched.add(ref);
      }
    }
    return matched;
  }

  @Override
  public void close() {
    engine.close();
  }
}
