package dev.caveat.relay.internal;

import dev.caveat.platform.PublicAddress;
import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How mail goes out ({@code caveat.mail.smtp.*}), the domain of the masked addresses, and whether
 * and where mail comes in ({@code caveat.mail.inbound.*}).
 */
@Component
class MailSettings {

  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final boolean starttls;
  private final String fromDomain;
  private final Integer inboundPort;
  private final int inboundMaxBytes;
  private final PublicAddress publicAddress;

  MailSettings(
      @Value("${caveat.mail.smtp.host:}") String host,
      @Value("${caveat.mail.smtp.port:587}") int port,
      @Value("${caveat.mail.smtp.username:}") String username,
      @Value("${caveat.mail.smtp.password:}") String password,
      @Value("${caveat.mail.smtp.starttls:true}") boolean starttls,
      @Value("${caveat.mail.from-domain:}") String fromDomain,
      @Value("${caveat.mail.inbound.port:}") Integer inboundPort,
      @Value("${caveat.mail.inbound.max-bytes:10485760}") int inboundMaxBytes,
      PublicAddress publicAddress) {
    this.host = host.strip();
    this.port = port;
    this.username = username.strip();
    this.password = password;
    this.starttls = starttls;
    this.fromDomain = fromDomain.strip().toLowerCase(Locale.ROOT);
    this.inboundPort = inboundPort;
    this.inboundMaxBytes = inboundMaxBytes;
    this.publicAddress = publicAddress;
  }

  boolean outboundConfigured() {
    return !host.isEmpty();
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** Empty when the server takes mail without signing in. */
  String username() {
    return username;
  }

  String password() {
    return password;
  }

  boolean starttls() {
    return starttls;
  }

  /** The domain of the masked addresses: as configured, else the host of the hub's address. */
  String fromDomain() {
    if (!fromDomain.isEmpty()) {
      return fromDomain;
    }
    String hubHost = URI.create(publicAddress.base()).getHost();
    return hubHost == null ? "localhost" : hubHost.toLowerCase(Locale.ROOT);
  }

  /** The port to take mail on; null when Caveat takes no mail. */
  Integer inboundPort() {
    return inboundPort;
  }

  int inboundMaxBytes() {
    return inboundMaxBytes;
  }

  /** The hub's own address, for the links a mail carries. */
  String hub() {
    return publicAddress.base();
  }
}
