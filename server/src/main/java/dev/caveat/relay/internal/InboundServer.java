package dev.caveat.relay.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Caveat's own SMTP server for answers (SubEthaSMTP), on {@code caveat.mail.inbound.port} when it
 * is set. It takes mail only for addresses it knows, refusing others at RCPT with 550, so it relays
 * nothing for anyone; a mail larger than {@code caveat.mail.inbound.max-bytes} is refused with 552
 * and its connection closed; a mail it cannot read is refused with 554, and the server goes on.
 */
@Component
class InboundServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboundServer.class);

  static final int MAX_RECIPIENTS = 50;

  private final MailSettings settings;
  private final InboundMail inbound;
  private volatile SMTPServer server;

  InboundServer(MailSettings settings, InboundMail inbound) {
    this.settings = settings;
    this.inbound = inbound;
  }

  @Override
  public synchronized void start() {
    Integer port = settings.inboundPort();
    if (port == null || server != null) {
      return;
    }
    SMTPServer smtp =
        SMTPServer.port(port)
            .hostName(settings.fromDomain())
            .softwareName("Caveat")
            .maxMessageSize(settings.inboundMaxBytes())
            .maxRecipients(MAX_RECIPIENTS)
            .connectionTimeout(60, TimeUnit.SECONDS)
            .insertReceivedHeaders(false)
            .messageHandlerFactory(Transaction::new)
            .build();
    smtp.start();
    server = smtp;
    log.info("Taking mail for {} on port {}", settings.fromDomain(), smtp.getPortAllocated());
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** The port mail is taken on, or -1 when none. */
  int port() {
    SMTPServer running = server;
    return running == null ? -1 : running.getPortAllocated();
  }

  /** One mail transaction: its sender, its known recipients, then its data. */
  private final class Transaction implements MessageHandler {

    private String sender = "";
    private final List<InboundMail.Destination> recipients = new ArrayList<>();

    Transaction(MessageContext context) {}

    @Override
    public void from(String from) {
      sender = from == null ? "" : from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
      Optional<InboundMail.Destination> known;
      try {
        known = inbound.destination(recipient);
      } catch (RuntimeException e) {
        log.warn("Looking up a recipient failed", e);
        throw new RejectException(451, "4.3.0 Try again later");
      }
      if (known.isEmpty()) {
        throw new RejectException(550, "5.1.1 <" + recipient + ">: no such address here");
      }
      recipients.add(known.get());
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
      int max = settings.inboundMaxBytes();
      byte[] raw = data.readNBytes(max + 1);
      if (raw.length > max) {
        throw new DropConnectionException(
            552, "5.3.4 Message larger than " + max + " bytes; not taken");
      }
      try {
        inbound.receive(raw, sender, List.copyOf(recipients));
      } catch (MailText.Unreadable e) {
        throw new RejectException(554, "5.6.0 " + e.getMessage());
      } catch (RuntimeException e) {
        log.warn("Taking a mail failed", e);
        throw new RejectException(451, "4.3.0 Try again later");
      }
      return null;
    }

    @Override
    public void done() {}
  }
}
