package dev.caveat.relay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a received mail says, without the mail it quotes. */
class MailTextUnitTest {

  @Test
  void theQuotedMailBelowAnAttributionIsNotWhatTheSenderWrote() throws Exception {
    MailText.Read read =
        read(
            "From: Dana <Dana@Example.org>\r\nSubject: Re: Case NB-7K3Q9\r\n"
                + "Message-ID: <a1@example.org>\r\n\r\n"
                + "Friday works.\r\nSee you then.\r\n\r\n"
                + "On Tue, 1 Dec 2026 at 10:00, Northwind <case-nb-7k3q9-x@relay.example> wrote:\r\n"
                + "> A technician comes on Friday.\r\n> Case NB-7K3Q9\r\n");
    assertThat(read.text()).isEqualTo("Friday works.\nSee you then.");
    assertThat(read.quoted()).contains("A technician comes on Friday.").contains("NB-7K3Q9");
    assertThat(read.from()).isEqualTo("dana@example.org");
    assertThat(read.subject()).isEqualTo("Re: Case NB-7K3Q9");
    assertThat(read.messageId()).isEqualTo("<a1@example.org>");
    assertThat(read.automatic()).isFalse();
  }

  @Test
  void anAttributionWrappedOverTwoLinesAndInlineQuotesAreFound() {
    String[] split =
        MailText.split(
            "> Is Friday fine?\nYes, Friday.\n> And the modem?\nStill blinking.\n\n"
                + "On Tue, Dec 1, 2026 at 10:00 AM Northwind <\ncase-nb-7k3q9-x@relay.example> wrote:\n"
                + "> old text\n");
    assertThat(split[0]).isEqualTo("Yes, Friday.\nStill blinking.");
    assertThat(split[1]).contains("Is Friday fine?").contains("old text");
    assertThat(MailText.split("Merci.\n\nLe mar. 1 déc. 2026 à 10:00, Northwind a écrit :\n> x")[0])
        .isEqualTo("Merci.");
    assertThat(MailText.split("Danke.\n\nAm 01.12.2026 um 10:00 schrieb Northwind:\n> x")[0])
        .isEqualTo("Danke.");
  }

  @Test
  void plainTextIsPreferredAndHtmlIsReadWithoutItsQuotes() throws Exception {
    String alternative =
        "From: erin@example.net\r\nSubject: modem\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html words</p>\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain words\r\n--b1--\r\n";
    assertThat(read(alternative).text()).isEqualTo("plain words");
    String html =
        "From: erin@example.net\r\nSubject: modem\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n\r\n"
            + "<div>Black screen <b>again</b>.</div><div>Any news?</div>"
            + "<div class=\"gmail_quote\">On Mon wrote:<blockquote>old</blockquote></div>";
    MailText.Read read = read(html);
    assertThat(read.text()).isEqualTo("Black screen again.\nAny news?");
    assertThat(read.quoted()).contains("old");
  }

  @Test
  void aMailWithoutMessageIdIsKnownByItsDigestAndAutomaticMailIsMarked() throws Exception {
    String mail = "From: x@example.org\r\nAuto-Submitted: auto-replied\r\n\r\nI am away.\r\n";
    MailText.Read first = read(mail);
    assertThat(first.messageId()).startsWith("sha256:").isEqualTo(read(mail).messageId());
    assertThat(first.automatic()).isTrue();
  }

  @Test
  void nothingReadableIsRefusedNotThrownAround() {
    assertThatThrownBy(() -> read("")).isInstanceOf(MailText.Unreadable.class);
    assertThatThrownBy(
            () -> read("Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--y\r\n\u0000\u0001"))
        .isInstanceOf(MailText.Unreadable.class);
  }

  private static MailText.Read read(String raw) throws MailText.Unreadable {
    return MailText.read(raw.getBytes(StandardCharsets.UTF_8));
  }
}
