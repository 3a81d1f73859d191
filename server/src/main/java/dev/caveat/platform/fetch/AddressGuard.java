package dev.caveat.platform.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether Caveat may connect to an address. By default only public unicast addresses pass:
 * loopback, link-local (cloud metadata at 169.254.169.254), private, shared (CGNAT), multicast,
 * unspecified and reserved ranges are refused, after DNS resolution and for every address a name
 * resolves to. Numeric hosts in forms other than plain dotted decimal (2130706433, 0x7f000001,
 * 0177.0.0.1) are refused outright, because resolvers disagree on what they mean.
 */
public final class AddressGuard {

  private static final Pattern DOTTED_DECIMAL =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern NUMERIC_LABEL = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

  private final boolean allowPrivate;
  private final Set<InetAddress> alsoAllowed;

  /**
   * @param allowPrivate let every address through (for installations whose sources live on a
   *     private network, and for tests)
   * @param alsoAllowed single addresses let through even though they are not public
   */
  public AddressGuard(boolean allowPrivate, Set<InetAddress> alsoAllowed) {
    this.allowPrivate = allowPrivate;
    this.alsoAllowed = Set.copyOf(alsoAllowed);
  }

  /**
   * Checks the address and every IP its host resolves to.
   *
   * @return the resolved addresses, all of them allowed
   */
  public List<InetAddress> check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          FetchException.Kind.BAD_ADDRESS, "only http and https addresses can be fetched");
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(
          FetchException.Kind.BAD_ADDRESS,
          "addresses with a user name or password are not fetched");
    }
    String host = host(uri);
    if (host == null || host.isEmpty()) {
      throw new FetchException(FetchException.Kind.BAD_ADDRESS, "the address has no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!allowPrivate && isNumeric(bare) && !DOTTED_DECIMAL.matcher(bare).matches()) {
      throw refused(host, "a numeric address in an unusual form");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      throw new FetchException(
          FetchException.Kind.NETWORK, "the host " + host + " does not resolve", e);
    }
    for (InetAddress address : addresses) {
      String problem = problem(address);
      if (problem != null) {
        throw refused(host, problem);
      }
    }
    return List.of(addresses);
  }

  /**
   * java.net.URI leaves the host empty for names it finds odd, such as 127.1, that other clients
   * would still connect to; read those from the authority instead.
   */
  private static String host(URI uri) {
    if (uri.getHost() != null || uri.getRawAuthority() == null) {
      return uri.getHost();
    }
    String authority = uri.getRawAuthority();
    int colon = authority.lastIndexOf(':');
    return colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
  }

  /** Every label a number (decimal, octal or hex): no real top-level domain is numeric. */
  private static boolean isNumeric(String host) {
    if (host.contains(":")) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!NUMERIC_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Why the address may not be reached, or null when it may. */
  String problem(InetAddress address) {
    if (allowPrivate || alsoAllowed.contains(address)) {
      return null;
    }
    InetAddress effective = unwrapMapped(address);
    if (effective.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (effective.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (effective.isSiteLocalAddress()) {
      return "a private address";
    }
    if (effective.isMulticastAddress()) {
      return "a multicast address";
    }
    if (effective.isAnyLocalAddress()) {
      return "an unspecified address";
    }
    byte[] b = effective.getAddress();
    if (effective instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0 || first >= 240) {
        return "a reserved address";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "a shared (carrier-grade NAT) address";
      }
      if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
        return "a reserved address";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "a reserved address";
      }
    } else if (effective instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return "a private (unique local) address";
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x02) {
        return "a 6to4 address";
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
        return "a Teredo address";
      }
    }
    return null;
  }

  /** ::ffff:127.0.0.1 is 127.0.0.1 to the kernel; judge the IPv4 address inside. */
  private static InetAddress unwrapMapped(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return address;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
    if (!mapped && !compatible) {
      return address;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException impossible) {
      return address;
    }
  }

  private static FetchException refused(String host, String what) {
    return new FetchException(
        FetchException.Kind.REFUSED_ADDRESS,
        host
            + " is "
            + what
            + "; Caveat does not fetch from such addresses"
            + " (caveat.sources.allow-private-addresses lifts this)");
  }
}
