package dev.caveat.platform.internal;

import dev.caveat.platform.fetch.AddressGuard;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one guarded HTTP client every module uses to reach the public web. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

  @Bean
  AddressGuard addressGuard(
      @Value("${caveat.sources.allow-private-addresses:false}") boolean allowPrivate,
      @Value("${caveat.sources.allowed-addresses:}") List<String> allowed) {
    Set<InetAddress> addresses = new HashSet<>();
    for (String address : allowed) {
      if (address.isBlank()) {
        continue;
      }
      if (!address.strip().matches("[0-9.]+|[0-9a-fA-F:]+")) {
        throw new IllegalStateException(
            "caveat.sources.allowed-addresses takes IP addresses, not names: " + address);
      }
      try {
        addresses.add(InetAddress.getByName(address.strip()));
      } catch (UnknownHostException e) {
        throw new IllegalStateException(
            "not an IP address in caveat.sources.allowed-addresses: " + address, e);
      }
    }
    return new AddressGuard(allowPrivate, addresses);
  }

  @Bean(destroyMethod = "close")
  GuardedHttpClient guardedHttpClient(
      AddressGuard guard,
      @Value("${caveat.fetch.connect-timeout:10s}") Duration connectTimeout,
      @Value("${caveat.fetch.timeout:30s}") Duration timeout,
      @Value("${caveat.fetch.max-bytes:10485760}") long maxBytes) {
    return new GuardedHttpClient(
        guard,
        new GuardedHttpClient.Limits(
            connectTimeout, timeout, maxBytes, 5, "Caveat/0.1 (+listening hub)"));
  }
}
