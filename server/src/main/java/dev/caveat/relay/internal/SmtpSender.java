package dev.caveat.relay.internal;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.stereotype.Component;

/**
 * Sends one stored letter through the configured SMTP server with Jakarta Mail, and says, when it
 * does not go out, whether trying again later can help: an unreachable server or a temporary (4xx)
 * answer can, a refusal (5xx) or a wrong password cannot.
 */
@Component
class SmtpSender {

  /** Why a letter did not go out, in the server's words where it gave any. */
  static final class SendFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean worthRetrying;

    SendFailure(boolean worthRetrying, String message) {
      super(message);
      this.worthRetrying = worthRetrying;
    }

    boolean worthRetrying() {
      return worthRetrying;
    }
  }

  static final int CONNECT_TIMEOUT_MS = 10_000;
  static final int IO_TIMEOUT_MS = 30_000;

  private final MailSettings settings;
  private final Clock clock;

  SmtpSender(MailSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  void send(Outbox.Letter letter, String stopUrl) throws SendFailure {
    Session session = Session.getInstance(properties(letter.sender()));
    MimeMessage message;
    try {
      message = compose(session, letter, stopUrl);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new SendFailure(false, "the mail could not be written: " + e.getMessage());
    }
    try (Transport transport = session.getTransport("smtp")) {
      if (settings.username().isEmpty()) {
        transport.connect();
      } else {
        transport.connect(settings.username(), settings.password());
      }
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      throw classify(e);
    }
  }

  private Properties properties(String envelopeSender) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", String.valueOf(settings.port()));
    properties.put("mail.smtp.from", envelopeSender);
    properties.put("mail.smtp.connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
    properties.put("mail.smtp.timeout", String.valueOf(IO_TIMEOUT_MS));
    properties.put("mail.smtp.writetimeout", String.valueOf(IO_TIMEOUT_MS));
    properties.put("mail.smtp.auth", String.valueOf(!settings.username().isEmpty()));
    if (settings.starttls()) {
      // Required, not merely welcome: the password and the customer's mail never go in the clear.
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    return properties;
  }

  private MimeMessage compose(Session session, Outbox.Letter letter, String stopUrl)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = new FixedIdMessage(session, letter.messageId());
    InternetAddress from = new InternetAddress(letter.sender(), letter.senderName(), "UTF-8");
    message.setFrom(from);
    message.setReplyTo(new Address[] {from});
    message.setRecipient(Message.RecipientType.TO, recipient(letter.recipient()));
    message.setSubject(letter.subject(), "UTF-8");
    message.setText(letter.body(), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    // RFC 2369 and RFC 8058: mail programs offer the customer a one-click stop.
    message.setHeader("List-Unsubscribe", "<" + stopUrl + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message.saveChanges();
    return message;
  }

  private static InternetAddress recipient(String address) throws AddressException {
    InternetAddress parsed = new InternetAddress(address, true);
    parsed.validate();
    return parsed;
  }

  private SendFailure classify(MessagingException e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SMTPAddressFailedException refused) {
        return new SendFailure(
            refused.getReturnCode() / 100 == 4,
            "the mail server did not take " + refused.getAddress() + ": " + answer(refused));
      }
      if (t instanceof SMTPSendFailedException refused) {
        return new SendFailure(
            refused.getReturnCode() / 100 == 4,
            "the mail server refused the mail: " + answer(refused));
      }
      if (t instanceof AuthenticationFailedException) {
        return new SendFailure(
            false, "the mail server refused Caveat's username and password: " + answer(t));
      }
      if (t instanceof IOException) {
        return new SendFailure(
            true,
            "the mail server "
                + settings.host()
                + ":"
                + settings.port()
                + " could not be reached: "
                + answer(t));
      }
    }
    return new SendFailure(false, "the mail could not be sent: " + answer(e));
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause();
  }

  private static String answer(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
  }

  /** A message that keeps the Message-ID it was stored with, so a retry is the same message. */
  private static final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
