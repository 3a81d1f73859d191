package dev.caveat.relay.internal;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.caveat.account.CompanyId;
import dev.caveat.relay.Mail;
import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Private replies by e-mail and the customer's answers, against GreenMail as the outgoing SMTP
 * server and Caveat's own inbound SMTP server. Caveat runs with a context of its own, on a clock
 * the test moves, so that a retry's pause can pass without waiting.
 */
@Tag("persistence")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MailIntegrationTest.MovableTime.class)
class MailIntegrationTest {

  static final String DOMAIN = "relay.example";
  static final int MAX_BYTES = 64 * 1024;

  private static final Path DATA_DIR = CaveatTestUtils.newDataDir();
  private static GreenMail smtp = startSmtp(ServerSetupTest.SMTP.dynamicPort());
  private static final int SMTP_PORT = smtp.getSmtp().getPort();

  @DynamicPropertySource
  static void caveatProperties(DynamicPropertyRegistry registry) {
    registry.add("caveat.data-dir", DATA_DIR::toString);
    registry.add("caveat.bootstrap.token", () -> CaveatTestUtils.OPERATOR);
    registry.add("caveat.care.sla.tick", () -> "1h");
    registry.add("caveat.webmention.tick", () -> "1h");
    registry.add("caveat.mail.smtp.host", () -> "127.0.0.1");
    registry.add("caveat.mail.smtp.port", () -> SMTP_PORT);
    registry.add("caveat.mail.smtp.starttls", () -> "false");
    registry.add("caveat.mail.from-domain", () -> DOMAIN);
    registry.add("caveat.mail.outbox.tick", () -> "1h");
    registry.add("caveat.mail.inbound.port", () -> "0");
    registry.add("caveat.mail.inbound.max-bytes", () -> MAX_BYTES);
  }

  /** A clock that stands where the test puts it. */
  static final class MovableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableTime {

    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @LocalServerPort int port;
  @Autowired MovableClock clock;
  @Autowired MailRelay relay;
  @Autowired InboundServer inbound;
  @Autowired JdbcClient jdbc;

  private ApiClient api;
  private String slug;
  private String admin;
  private String rep;
  private String c;

  @BeforeEach
  void company() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    api = new ApiClient(port);
    slug = uniqueSlug("mail");
    admin = companyWithAdminToken(api, slug);
    rep = token(api, admin, slug, "rep");
    c = "/api/v1/companies/" + slug;
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void aPrivateReplyReachesTheCustomerAndTheirAnswerReopensTheCase() throws Exception {
    JsonNode kase = complaint("dana", "router");
    String number = kase.get("number").stringValue();
    long customer = kase.get("customer").get("id").longValue();

    ApiClient.Response noAddress = reply(number, "We will send a technician.");
    assertThat(noAddress.status()).isEqualTo(409);
    assertThat(noAddress.json().get("detail").stringValue())
        .contains("has no e-mail address; add one")
        .contains("reply in public");

    String identities = c + "/customers/" + customer + "/identities";
    ApiClient.Response bad =
        api.post(identities, rep, Map.of("source", "email", "handle", "Dana <dana@example.org>"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").stringValue()).contains("e-mail address");
    assertThat(
            api.post(identities, rep, Map.of("source", "email", "handle", "dana@localhost"))
                .status())
        .isEqualTo(400);
    ApiClient.Response added =
        api.post(identities, rep, Map.of("source", "email", "handle", " Dana@Example.org "));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("identities").valueStream().map(i -> i.get("handle").stringValue()))
        .contains("dana@example.org");
    assertThat(
            api.post(identities, rep, Map.of("source", "email", "handle", "dana@example.org"))
                .status())
        .isEqualTo(200);
    long other = complaint("omar", "modem").get("customer").get("id").longValue();
    ApiClient.Response taken =
        api.post(
            c + "/customers/" + other + "/identities",
            rep,
            Map.of("source", "email", "handle", "dana@example.org"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("detail").stringValue())
        .contains("belongs to customer " + customer);

    ApiClient.Response sent = reply(number, "Dana, a technician comes on Friday between 8 and 12.");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().get("status").stringValue()).isEqualTo("sent");
    assertThat(sent.json().get("visibility").stringValue()).isEqualTo("private");

    MimeMessage mail = onlyMailTo("dana@example.org");
    String masked = ((InternetAddress) mail.getReplyTo()[0]).getAddress();
    assertThat(masked)
        .matches("case-" + Pattern.quote(number.toLowerCase()) + "-[a-z0-9]{10}@" + DOMAIN);
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(masked);
    assertThat(mail.getSubject()).contains("Case " + number);
    String body = mail.getContent().toString();
    assertThat(body)
        .contains("Dana, a technician comes on Friday between 8 and 12.")
        .contains("Case " + number)
        .contains("/cases/" + slug + "/" + number + "?code=");
    assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/mail/stop/");

    JsonNode whole = api.get(c + "/cases/" + number, rep).json();
    assertThat(whole.get("status").stringValue()).isEqualTo("waiting");
    assertThat(kinds(whole)).contains("replied");

    // The customer answers from their mail program, quoting the mail.
    String answer =
        "Thanks, Friday works for me.\n\nOn Tue, 1 Dec 2026 at 10:00, Company "
            + slug
            + " <"
            + masked
            + "> wrote:\n> Dana, a technician comes on Friday between 8 and 12.\n";
    send(masked, "dana@example.org", "Re: " + mail.getSubject(), answer, "<answer-1@example.org>");
    whole = awaitMessages(number, 1);
    JsonNode message = whole.get("messages").get(0);
    assertThat(message.get("text").stringValue()).isEqualTo("Thanks, Friday works for me.");
    assertThat(message.get("from").stringValue()).isEqualTo("dana@example.org");
    assertThat(message.get("subject").stringValue()).contains(number);
    assertThat(whole.get("status").stringValue()).isEqualTo("open");
    assertThat(kinds(whole)).contains("message-added", "reopened");

    // The same mail again attaches nothing; a new one does.
    send(masked, "dana@example.org", "Re: " + mail.getSubject(), answer, "<answer-1@example.org>");
    send(masked, "dana@example.org", "Friday", "Still Friday?", "<answer-2@example.org>");
    whole = awaitMessages(number, 2);
    assertThat(whole.get("messages").get(1).get("text").stringValue()).isEqualTo("Still Friday?");
  }

  @Test
  void aMailToTheCareAddressQuotingTheCaseNumberLandsOnThatCase() throws Exception {
    String number = complaint("erin", "tv box").get("number").stringValue();
    send(
        slug + "@" + DOMAIN,
        "erin@example.net",
        "About my case " + number.toLowerCase(),
        "<p>The <b>TV box</b> still shows a black screen.</p><blockquote>older mail</blockquote>",
        "<care-1@example.net>",
        "text/html; charset=utf-8");
    JsonNode whole = awaitMessages(number, 1);
    assertThat(whole.get("messages").get(0).get("text").stringValue())
        .isEqualTo("The TV box still shows a black screen.");
    assertThat(whole.get("messages").get(0).get("from").stringValue())
        .isEqualTo("erin@example.net");
  }

  @Test
  void aMailToTheCareAddressWithoutACaseNumberIsFiledAsAPostWouldBe() throws Exception {
    String care = slug + "@" + DOMAIN;
    // A thank-you and a newsletter ask nothing, and open nothing.
    send(
        care,
        "fan@example.org",
        "Thank you",
        "Just wanted to say thank you, the engineer yesterday was brilliant and so friendly.",
        "<thanks-1@example.org>");
    send(
        care,
        "news@deals.example",
        "Black Friday: 50% off everything",
        "Our biggest sale of the year starts now! 50% off all plans, use code FRIDAY50 at"
            + " https://deals.example/friday. Unsubscribe any time.",
        "<promo-1@deals.example>");

    // A complaint opens a case for its sender, known by their address.
    send(
        care,
        "Hana.Berg@example.org",
        "Internet down again",
        "My fibre has been down since Monday, the router shows a red light and nobody calls"
            + " back. This is the third week in a row.",
        "<hana-1@example.org>");
    JsonNode kase =
        Awaitility.await("a case for Hana")
            .atMost(Duration.ofSeconds(30))
            .until(() -> api.get(c + "/cases", rep).json().get("items"), items -> !items.isEmpty())
            .get(0);
    String number = kase.get("number").stringValue();
    assertThat(kase.get("customer").get("handle").stringValue()).isEqualTo("hana.berg@example.org");
    assertThat(kase.get("intent").stringValue()).isEqualTo("complaint");
    JsonNode whole = awaitMessages(number, 1);
    assertThat(whole.get("messages").get(0).get("subject").stringValue())
        .isEqualTo("Internet down again");
    assertThat(whole.get("events").valueStream().map(e -> e.get("details").stringValue()))
        .anyMatch(d -> d.contains("e-mailed by hana.berg@example.org"));

    // She is told her case number, and where to follow the case, from the case's own address.
    Awaitility.await("Hana's acknowledgement")
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailsTo("hana.berg@example.org").size() == 1);
    MimeMessage acknowledgement = mailsTo("hana.berg@example.org").getFirst();
    assertThat(acknowledgement.getSubject()).isEqualTo("Case " + number + ": Internet down again");
    assertThat(body(acknowledgement))
        .contains("Your message is case " + number)
        .contains("/cases/" + slug + "/" + number + "?code=");
    assertThat(acknowledgement.getFrom()[0].toString())
        .contains("case-" + number.toLowerCase() + "-");
    Awaitility.await("the acknowledgement settled in the outbox")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("select status from relay_outbox where case_number = ?")
                    .param(number)
                    .query(String.class)
                    .list(),
            statuses -> statuses.equals(List.of("sent")));

    // Her next mail, still without a number, joins her case; a rep's private reply reaches her.
    send(
        care,
        "hana.berg@example.org",
        "Still down",
        "Still nothing today.",
        "<hana-2@example.org>");
    awaitMessages(number, 2);
    assertThat(reply(number, "An engineer comes tomorrow morning.").status()).isEqualTo(201);
    assertThat(mailsTo("hana.berg@example.org"))
        .hasSize(2)
        .anyMatch(m -> body(m).contains("An engineer comes tomorrow morning."));
    awaitFiled(api, jdbc, slug);
    assertThat(api.get(c + "/cases", rep).json().get("items").size()).isEqualTo(1);
  }

  @Test
  void onlyKnownAddressesAreTakenAndBadMailNeverStopsTheServer() throws Exception {
    try (SmtpDialogue smtp = new SmtpDialogue(inbound.port())) {
      assertThat(smtp.command("EHLO client.example")).startsWith("250");
      assertThat(smtp.command("MAIL FROM:<someone@example.org>")).startsWith("250");
      assertThat(smtp.command("RCPT TO:<nobody@" + DOMAIN + ">")).startsWith("550");
      assertThat(smtp.command("RCPT TO:<" + slug + "@elsewhere.example>")).startsWith("550");
      assertThat(smtp.command("RCPT TO:<case-zz-23456-abcdefghjk@" + DOMAIN + ">"))
          .startsWith("550");
      assertThat(smtp.command("RCPT TO:<" + slug + "@" + DOMAIN + ">")).startsWith("250");
      // Garbage: broken headers, a MIME boundary that never comes, bytes that are no charset.
      assertThat(smtp.command("DATA")).startsWith("354");
      StringBuilder garbage =
          new StringBuilder(
              "Content-Type: multipart/mixed; boundary=\"nowhere\"\r\nSubject: =?bad?Q?=ZZ?=\r\n"
                  + ": no name\r\n\r\n--elsewhere\r\nContent-Type: text/plain; charset=klingon\r\n"
                  + "Content-Transfer-Encoding: base64\r\n\r\n@@@@ not base64 @@@@\r\n");
      for (int i = 0; i < 50; i++) {
        garbage.append((char) (0x80 + i)).append("\u0000\u0007\r\n");
      }
      String verdict = smtp.data(garbage.toString());
      assertThat(verdict).containsPattern("^(250|554) ");
      assertThat(smtp.command("RSET")).startsWith("250");
      assertThat(smtp.command("NOOP")).startsWith("250");
    }
    try (SmtpDialogue smtp = new SmtpDialogue(inbound.port())) {
      assertThat(smtp.command("EHLO client.example"))
          .startsWith("250")
          .contains("SIZE " + MAX_BYTES);
      assertThat(smtp.command("MAIL FROM:<someone@example.org>")).startsWith("250");
      assertThat(smtp.command("RCPT TO:<" + slug + "@" + DOMAIN + ">")).startsWith("250");
      assertThat(smtp.command("DATA")).startsWith("354");
      assertThat(smtp.data("Subject: big\r\n\r\n" + "x".repeat(MAX_BYTES + 10))).startsWith("552");
    }
    // The server still takes good mail after all that.
    String number = complaint("finn", "landline").get("number").stringValue();
    send(slug + "@" + DOMAIN, "finn@example.com", number, "Any news?", "<after-garbage@x.example>");
    assertThat(awaitMessages(number, 1).get("messages").get(0).get("text").stringValue())
        .isEqualTo("Any news?");
  }

  @Test
  void theCustomerStopsMailWithTheLinkInIt() throws Exception {
    JsonNode kase = complaint("gina", "fibre");
    String number = kase.get("number").stringValue();
    addEmail(kase, "gina@example.org");
    assertThat(reply(number, "Fibre comes next week.").status()).isEqualTo(201);
    MimeMessage mail = onlyMailTo("gina@example.org");
    String link = mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
    assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(mail.getContent().toString()).contains(link);
    String path = URI.create(link).getPath();

    // Opening the link only asks: mail scanners open links too.
    HttpResponse<String> asked = http(HttpRequest.newBuilder(local(path)).GET());
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("Stop e-mail about this case").contains(number);
    assertThat(reply(number, "And the router too.").status()).isEqualTo(201);

    // A mail program's one-click stop (RFC 8058).
    HttpResponse<String> stopped =
        http(
            HttpRequest.newBuilder(local(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
    assertThat(stopped.statusCode()).isEqualTo(200);
    assertThat(stopped.body()).contains("You get no more e-mail about case");
    ApiClient.Response refused = reply(number, "One more thing.");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").stringValue())
        .contains("customer stopped e-mail about case " + number);
    assertThat(stopped.body()).contains("Start e-mail about this case again");
    assertThat(http(HttpRequest.newBuilder(local("/mail/stop/unknown-key")).GET()).statusCode())
        .isEqualTo(404);

    // A stop clicked by mistake is undone from the same page, and mail goes out again.
    HttpResponse<String> resumed =
        http(
            HttpRequest.newBuilder(local(path + "/undo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(resumed.statusCode()).isEqualTo(200);
    assertThat(resumed.body())
        .contains("starts again")
        .contains("Stop e-mail about this case")
        .doesNotContain("You get no more e-mail");
    assertThat(reply(number, "Back on: the router ships today.").status()).isEqualTo(201);
    Awaitility.await("the mail after the undo")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> recipients(m).contains("gina@example.org"))
                    .anyMatch(m -> body(m).contains("the router ships today")));
    assertThat(
            http(HttpRequest.newBuilder(local("/mail/stop/unknown-key/undo"))
                    .POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(404);
  }

  private static String body(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMailServerThatCannotBeReachedIsTriedAgainLater() throws Exception {
    JsonNode kase = complaint("hugo", "phone line");
    String number = kase.get("number").stringValue();
    addEmail(kase, "hugo@example.org");
    smtp.stop();
    try {
      ApiClient.Response kept = reply(number, "We are on it, Hugo.");
      assertThat(kept.status()).as(kept.body()).isEqualTo(202);
      assertThat(kept.json().get("status").stringValue()).isEqualTo("sending");
      assertThat(kept.json().get("error").stringValue()).contains("could not be reached");
      assertThat(api.get(c + "/cases/" + number, rep).json().get("status").stringValue())
          .isEqualTo("open");

      // Not due yet: nothing is tried.
      relay.retryDue();
      assertThat(attempts(number)).isEqualTo(1);
    } finally {
      smtp = startSmtp(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
    clock.advance(MailRelay.pause(1).plusSeconds(1));
    relay.retryDue();
    assertThat(onlyMailTo("hugo@example.org").getContent().toString())
        .contains("We are on it, Hugo.");
    Awaitility.await("the reply settles")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get(c + "/cases/" + number, rep)
                    .json()
                    .get("replies")
                    .get(0)
                    .get("status")
                    .stringValue()
                    .equals("sent"));
    JsonNode whole = api.get(c + "/cases/" + number, rep).json();
    assertThat(whole.get("status").stringValue()).isEqualTo("waiting");
    assertThat(whole.get("replies").get(0).get("error").isNull()).isTrue();
    assertThat(attempts(number)).isEqualTo(2);
  }

  @Test
  void aMailStoredButNeverSentIsSentByTheRetry() throws Exception {
    // As if Caveat stopped between storing the mail and sending it.
    CompanyId company =
        new CompanyId(
            UUID.fromString(
                api.get("/api/v1/companies/" + slug, OPERATOR).json().get("id").stringValue()));
    relay.queue(
        new Mail.Letter(
            company, "ZZ-23456", "elsewhere-1", "ivy@example.org", "Case ZZ-23456", "Hello Ivy"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    clock.advance(MailRelay.FIRST_PAUSE.plusSeconds(1));
    relay.retryDue();
    assertThat(onlyMailTo("ivy@example.org").getContent().toString()).contains("Hello Ivy");
  }

  @Test
  void pausesGrowFromAMinuteToAnHour() {
    assertThat(MailRelay.pause(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(MailRelay.pause(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(MailRelay.pause(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(MailRelay.pause(9)).isEqualTo(Duration.ofHours(1));
  }

  /** Complaints different enough that none reads as a copy of another. */
  private static final Map<String, String> COMPLAINTS =
      Map.of(
          "router",
          "My BRAND router died again and support hung up on me, this is the third time",
          "modem",
          "Worst week ever: the BRAND modem keeps dropping every evening and nobody at the call"
              + " centre cares",
          "tv box",
          "BRAND tv box stuck on a black screen since Monday, two engineers cancelled, I am"
              + " furious",
          "landline",
          "Paid BRAND for a landline repair three weeks ago and still no dial tone, useless",
          "fibre",
          "My BRAND fibre has been down for five days, support keeps hanging up on me and nobody"
              + " fixes it",
          "phone line",
          "Hours on hold with BRAND about my crackling phone line, then they hung up. Awful");

  /** Files a complaint by a customer and answers the case, with its customer. */
  private JsonNode complaint(String handle, String thing) {
    String brand = "zm" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand " + brand, brand);
    ApiClient.Response ingested =
        api.post(
            "/api/v1/ingest",
            OPERATOR,
            List.of(
                Map.of(
                    "source",
                    "forum-" + slug,
                    "externalId",
                    handle + "-" + brand,
                    "author",
                    Map.of("handle", handle),
                    "text",
                    COMPLAINTS.get(thing).replace("BRAND", brand))));
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
    awaitFiled(api, jdbc, slug);
    return api.get(c + "/cases", rep)
        .json()
        .get("items")
        .valueStream()
        .filter(k -> k.get("customer").get("handle").stringValue().equals(handle))
        .findFirst()
        .orElseThrow();
  }

  private void addEmail(JsonNode kase, String address) {
    ApiClient.Response added =
        api.post(
            c + "/customers/" + kase.get("customer").get("id").longValue() + "/identities",
            rep,
            Map.of("source", "email", "handle", address));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
  }

  private ApiClient.Response reply(String number, String text) {
    return api.post(
        c + "/cases/" + number + "/replies", rep, Map.of("text", text, "visibility", "private"));
  }

  private int attempts(String number) {
    return jdbc.sql("select attempts from relay_outbox where case_number = ?")
        .param(number)
        .query(Integer.class)
        .single();
  }

  private JsonNode awaitMessages(String number, int count) {
    Awaitility.await("messages on " + number)
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get(c + "/cases/" + number, rep).json().get("messages").size() >= count);
    JsonNode whole = api.get(c + "/cases/" + number, rep).json();
    assertThat(whole.get("messages").size()).isEqualTo(count);
    return whole;
  }

  private static List<String> kinds(JsonNode whole) {
    return whole.get("events").valueStream().map(e -> e.get("kind").stringValue()).toList();
  }

  private static MimeMessage onlyMailTo(String address) throws MessagingException {
    List<MimeMessage> mails = mailsTo(address);
    assertThat(mails).hasSize(1);
    return mails.getFirst();
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  private static List<String> recipients(MimeMessage mail) {
    try {
      return Arrays.stream(mail.getAllRecipients())
          .map(a -> ((InternetAddress) a).getAddress())
          .toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void send(String to, String from, String subject, String text, String messageId)
      throws MessagingException {
    send(to, from, subject, text, messageId, "text/plain; charset=utf-8");
  }

  /** Sends a mail to Caveat's inbound server, as the customer's mail provider would. */
  private void send(
      String to, String from, String subject, String text, String messageId, String type)
      throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(inbound.port()));
    Session session = Session.getInstance(properties);
    MimeMessage mail =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    mail.setFrom(new InternetAddress(from));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    mail.setSubject(subject, "UTF-8");
    mail.setContent(text, type);
    Transport.send(mail);
  }

  private URI local(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static GreenMail startSmtp(ServerSetup setup) {
    GreenMail mail = new GreenMail(setup);
    mail.start();
    return mail;
  }

  /** Speaks SMTP line by line, to see each answer of the server. */
  static final class SmtpDialogue implements AutoCloseable {

    private static final Pattern LAST_LINE = Pattern.compile("^(\\d{3}) .*", Pattern.MULTILINE);

    private final java.net.Socket socket;
    private final java.io.BufferedReader in;
    private final java.io.OutputStream out;

    SmtpDialogue(int port) throws Exception {
      socket = new java.net.Socket("127.0.0.1", port);
      socket.setSoTimeout(30_000);
      in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
      out = socket.getOutputStream();
      assertThat(answer()).startsWith("220");
    }

    String command(String line) throws Exception {
      write(line + "\r\n");
      return answer();
    }

    /** Sends a mail's data and the closing dot; answers the server's verdict. */
    String data(String data) throws Exception {
      write(data.replace("\r\n.", "\r\n..") + "\r\n.\r\n");
      return answer();
    }

    private void write(String text) throws Exception {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** One answer, which may span lines ("250-..." then "250 ..."). */
    private String answer() throws Exception {
      StringBuilder answer = new StringBuilder();
      while (true) {
        String line = in.readLine();
        if (line == null) {
          return answer.toString();
        }
        answer.append(line).append('\n');
        Matcher last = LAST_LINE.matcher(line);
        if (last.matches()) {
          return answer.toString();
        }
      }
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }
}
