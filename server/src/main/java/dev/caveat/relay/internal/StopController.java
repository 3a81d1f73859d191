package dev.caveat.relay.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where a customer stops mail about a case: the link at the foot of every mail and in its {@code
 * List-Unsubscribe} header. Opening the link only asks, since mail scanners open links; the button,
 * or a mail program's one-click POST (RFC 8058), stops, and the page then offers to start mail
 * again. The link's key is the customer's.
 */
@Controller
class StopController {

  private final MaskedAddresses addresses;
  private final CompanyDirectory companies;
  private final Clock clock;

  StopController(MaskedAddresses addresses, CompanyDirectory companies, Clock clock) {
    this.addresses = addresses;
    this.companies = companies;
    this.clock = clock;
  }

  @GetMapping("/mail/stop/{token}")
  String ask(@PathVariable String token, Model model) {
    MaskedAddresses.Masked masked = require(token);
    show(masked, model);
    return "relay/stop";
  }

  @PostMapping("/mail/stop/{token}")
  String stop(@PathVariable String token, Model model) {
    MaskedAddresses.Masked masked = require(token);
    addresses.stop(masked.address(), clock.instant());
    show(require(token), model);
    return "relay/stop";
  }

  /** The undo of a stop, for a customer who clicked it by mistake or wants mail again. */
  @PostMapping("/mail/stop/{token}/undo")
  String resume(@PathVariable String token, Model model) {
    MaskedAddresses.Masked masked = require(token);
    addresses.resume(masked.address());
    show(require(token), model);
    model.addAttribute("resumed", masked.stopped());
    return "relay/stop";
  }

  private void show(MaskedAddresses.Masked masked, Model model) {
    model.addAttribute("token", masked.stopToken());
    model.addAttribute("caseNumber", masked.caseNumber());
    model.addAttribute("stopped", masked.stopped());
    model.addAttribute(
        "company", companies.find(masked.company()).map(Company::name).orElse("the company"));
  }

  private MaskedAddresses.Masked require(String token) {
    return addresses
        .byStopToken(token)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "This link is not one Caveat gave out; use the link in the e-mail you got."));
  }
}
