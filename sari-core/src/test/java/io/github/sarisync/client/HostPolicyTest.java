package io.github.sarisync.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPolicyTest {
    private static final HostPolicy EVERYTHING_ALLOWED = HostPolicy.builder().allowLoopback().allowPrivateNetworks()
            .allow(URI.create("https://sari-proxy.example.ch:8443")).build();

    @ParameterizedTest
    @ValueSource(strings = {"https://www.vku-pgs.asa.ch", "https://www.vku-pgs.asa.ch/", "https://WWW.VKU-PGS.ASA.CH:443",
            "https://sari-v4-test.ky2help.com"})
    void theStrictDefaultAllowsHttpsToTheTwoSariInstallations(String uri) {
        assertThat(HostPolicy.strict().problem(URI.create(uri))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://www.vku-pgs.asa.ch | plain http",
            "https://www.vku-pgs.asa.ch:8443 | allow-list",
            "https://sari.evil.example | allow-list",
            "https://8.8.8.8 | allow-list",
            "http://127.0.0.1:8080 | loopback is not allowed",
            "https://localhost | loopback is not allowed",
            "https://10.1.2.3 | private network",
            "https://192.168.1.10 | private network",
            "https://[fc00::1] | private network",
    })
    void theStrictDefaultRefusesEveryOtherAddressNamingTheRule(String uri, String rule) {
        assertThat(HostPolicy.strict().problem(URI.create(uri))).get().asString()
                .contains(rule).contains(HostPolicy.describe(URI.create(uri)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://user:hunter2@www.vku-pgs.asa.ch | user info",
            "http://user@127.0.0.1:8080 | user info",
            "https://www.vku-pgs.asa.ch. | ending in a dot",
            "https://sari-proxy.example.ch.:8443 | ending in a dot",
            "https://www.vku-pgs.asa.ch/?x=1 | query or fragment",
            "https://www.vku-pgs.asa.ch/#top | query or fragment",
            "http://169.254.169.254/latest/meta-data | metadata",
            "https://169.254.10.1 | link-local",
            "https://[fe80::1] | link-local",
            "https://[fd00:ec2::254] | metadata",
            "http://0.0.0.0:8080 | unspecified",
            "http://10.0.0.5:8080 | plain http",
            "http://sari-proxy.example.ch:8443 | plain http",
            "ftp://www.vku-pgs.asa.ch | http or https",
            "file:///etc/passwd | http or https",
    })
    void someAddressesAreRefusedWhateverTheAllowListSays(String uri, String rule) {
        assertThat(EVERYTHING_ALLOWED.problem(URI.create(uri))).get().asString().contains(rule)
                .doesNotContain("hunter2");
        assertThatThrownBy(() -> HostPolicy.requireSafe(URI.create(uri)))
                .isInstanceOf(HostNotAllowedException.class).hasMessageContaining(rule)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/sari", "https://127.0.0.1", "http://localhost:1234",
            "http://[::1]:9000", "http://127.1.2.3:80"})
    void allowLoopbackLetsASimulatorOnLoopbackInHttpToo(String uri) {
        HostPolicy simulator = HostPolicy.builder().allowLoopback().build();

        assertThat(simulator.problem(URI.create(uri))).isEmpty();
        assertThat(simulator.problem(URI.create("https://sari.evil.example"))).isPresent();
        assertThat(simulator.problem(URI.create("https://10.0.0.1"))).isPresent();
    }

    @Test
    void anExactAllowListEntryAllowsThatSchemeHostAndPortOnly() {
        HostPolicy proxy = HostPolicy.builder().allow("https://sari-proxy.example.ch:8443, https://10.0.0.7").build();

        assertThat(proxy.problem(URI.create("https://sari-proxy.example.ch:8443/sari"))).isEmpty();
        assertThat(proxy.problem(URI.create("https://10.0.0.7/"))).isEmpty();
        assertThat(proxy.problem(URI.create("https://sari-proxy.example.ch"))).isPresent();
        assertThat(proxy.problem(URI.create("https://10.0.0.8"))).isPresent();
        assertThat(proxy.problem(URI.create("http://127.0.0.1:8080"))).isPresent();
    }

    @Test
    void privateNetworksNeedTheirOwnOptIn() {
        HostPolicy lan = HostPolicy.builder().allowPrivateNetworks().build();

        assertThat(lan.problem(URI.create("https://10.1.2.3"))).isEmpty();
        assertThat(lan.problem(URI.create("https://172.16.0.9:8443"))).isEmpty();
        assertThat(lan.problem(URI.create("https://100.64.0.1"))).isEmpty();
        assertThat(lan.problem(URI.create("http://10.1.2.3"))).get().asString().contains("plain http");
        assertThat(lan.problem(URI.create("https://127.0.0.1"))).isPresent();
    }

    @Test
    void anAllowListEntryThatNoPolicyMayAllowIsRefusedAtBuildWithoutEchoingUserInfo() {
        assertThatThrownBy(() -> HostPolicy.builder().allow(URI.create("http://proxy.example.ch")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
        assertThatThrownBy(() -> HostPolicy.builder().allow("https://u:topsecret@proxy.example.ch").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user info")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
    }

    @Test
    void theClientBuilderRefusesTheAlwaysRefusedAddressesButAcceptsLoopbackHttpForTests() {
        SariCredentials credentials = new SariCredentials("c", "s", "u", "p");
        for (String uri : new String[]{"https://user:pw@www.vku-pgs.asa.ch", "http://169.254.169.254",
                "http://sari.example.ch", "https://www.vku-pgs.asa.ch.", "https://www.vku-pgs.asa.ch/?debug=1"}) {
            assertThatThrownBy(() -> SARIClient.builder().baseUri(URI.create(uri)).credentials(credentials).build())
                    .as(uri).isInstanceOf(HostNotAllowedException.class).hasMessageStartingWith("SARIClient: ");
        }

        assertThat(SARIClient.builder().baseUri(URI.create("http://127.0.0.1:8080")).credentials(credentials).build()
                .baseUri()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }
}
