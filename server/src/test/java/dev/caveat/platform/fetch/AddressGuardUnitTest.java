package dev.caveat.platform.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardUnitTest {

  private final AddressGuard guard = new AddressGuard(false, Set.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://127.9.9.9:8080/feed",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fc00::1]/",
        "http://[fe80::1]/",
        "http://localhost/",
        "http://public.example/"
      })
  void privateAndSpecialAddressesAreRefused(String address) {
    assertThatThrownBy(() -> guard.check(URI.create(address)))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED_ADDRESS))
        .hasMessageContaining("Caveat does not fetch from such addresses");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://0x7f.0.0.1/",
        "http://017700000001/"
      })
  void numericAddressesInUnusualFormsAreRefused(String address) {
    assertThatThrownBy(() -> guard.check(URI.create(address)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("numeric address in an unusual form");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://93.184.216.34/", "file:///etc/passwd", "http://user:pw@93.184.216.34/"})
  void onlyPlainWebAddressesAreFetched(String address) {
    assertThatThrownBy(() -> guard.check(URI.create(address)))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_ADDRESS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://93.184.216.34/feed", "https://[2606:4700::6810:84e5]/", "http://8.8.8.8/"})
  void publicAddressesPass(String address) throws Exception {
    assertThat(guard.check(URI.create(address))).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1/", "http://10.0.0.1/", "http://2130706433/"})
  void theInstallationMayAllowPrivateAddresses(String address) throws Exception {
    AddressGuard open = new AddressGuard(true, Set.of());
    assertThat(open.check(URI.create(address))).isNotEmpty();
  }

  @org.junit.jupiter.api.Test
  void singleAddressesCanBeAllowed() throws Exception {
    AddressGuard onPrem = new AddressGuard(false, Set.of(InetAddress.getByName("127.0.0.2")));
    assertThat(onPrem.check(URI.create("http://public.example/feed")))
        .containsExactly(InetAddress.getByName("127.0.0.2"));
    assertThatThrownBy(() -> onPrem.check(URI.create("http://127.0.0.1/")))
        .isInstanceOf(FetchException.class);
  }
}
