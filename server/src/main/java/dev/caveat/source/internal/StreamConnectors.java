package dev.caveat.source.internal;

import dev.caveat.platform.fetch.FetchException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The streaming source types, for the supervisor that runs them and the API that accepts them. */
@Component
class StreamConnectors {

  private final Map<String, StreamConnector> byType;

  StreamConnectors(List<StreamConnector> connectors) {
    this.byType =
        connectors.stream()
            .collect(Collectors.toUnmodifiableMap(StreamConnector::type, Function.identity()));
  }

  Set<String> types() {
    return byType.keySet();
  }

  StreamConnector get(String type) {
    StreamConnector connector = byType.get(type);
    if (connector == null) {
      throw new IllegalArgumentException("no streaming connector for " + type);
    }
    return connector;
  }

  /** What the address guard judges for a source of this type: see {@link StreamConnector}. */
  URI addressToCheck(String type, URI url) throws FetchException {
    StreamConnector connector = byType.get(type);
    return connector == null ? url : connector.addressToCheck(url);
  }
}
