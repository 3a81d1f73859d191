package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identities a rep records for a customer, such as the e-mail address private replies go to. An
 * identity is one customer's: one that belongs to someone else is a merge, not an addition.
 */
@Service
class CustomerIdentities {

  static final int MAX_HANDLE = 254;

  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** A domain with at least one dot, as mail between people needs. */
  private static final Pattern MAIL_DOMAIN =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]");

  /** What adding came to: the identity, and whether it is new. */
  record Added(Customers.Identity identity, boolean created) {}

  private final Customers customers;
  private final Clock clock;

  CustomerIdentities(Customers customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  @Transactional
  Added add(CompanyId company, long customerId, String source, String handle) {
    String cleanSource = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
    if (!SOURCE.matcher(cleanSource).matches()) {
      throw ApiException.badRequest(
          "source is required: a source name such as \"email\" (letters, digits, . _ -)");
    }
    if (handle == null || handle.isBlank()) {
      throw ApiException.badRequest("handle is required");
    }
    String cleanHandle =
        cleanSource.equals(PrivateReplying.EMAIL) ? mailAddress(handle) : handle.strip();
    if (cleanHandle.length() > MAX_HANDLE) {
      throw ApiException.badRequest("handle must be at most " + MAX_HANDLE + " characters");
    }
    customers.lock(List.of(customerId));
    Customers.Customer customer =
        customers
            .find(company, customerId)
            .orElseThrow(
                () -> ApiException.notFound("No customer " + customerId + " in this company."));
    if (customer.mergedInto() != null) {
      throw ApiException.conflict(
          "Customer "
              + customerId
              + " is merged into customer "
              + customer.mergedInto()
              + "; add the identity there.");
    }
    boolean created =
        customers.addIdentity(company, customerId, cleanSource, cleanHandle, clock.instant());
    Optional<Long> owner = customers.owner(company, cleanSource, cleanHandle);
    if (owner.isPresent() && owner.get() != customerId) {
      throw ApiException.conflict(
          cleanHandle
              + " on "
              + cleanSource
              + " belongs to customer "
              + owner.get()
              + "; merge the two customers if they are the same person.");
    }
    Customers.Identity identity =
        customers.identities(customerId).stream()
            .filter(i -> i.source().equals(cleanSource) && i.handle().equals(cleanHandle))
            .findFirst()
            .orElseThrow();
    return new Added(identity, created);
  }

  /** A single plain address, such as someone@example.org, lower-cased. */
  static String mailAddress(String given) {
    String address = given.strip().toLowerCase(Locale.ROOT);
    String problem =
        "handle must be an e-mail address such as someone@example.org, without a name or brackets";
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      int at = address.lastIndexOf('@');
      if (!address.equals(parsed.getAddress())
          || at < 1
          || address.indexOf('@') != at
          || !MAIL_DOMAIN.matcher(address.substring(at + 1)).matches()) {
        throw ApiException.badRequest(problem);
      }
    } catch (AddressException e) {
      throw ApiException.badRequest(problem);
    }
    return address;
  }
}
