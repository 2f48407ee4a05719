package io.github.sarisync.credentials;

import io.github.sarisync.TestHosts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.credentials.ConnectionTestResult.Outcome;
import io.github.sarisync.credentials.ConnectionTestResult.Step;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection test with the real client against stubbed SARI answers (sari-testkit runs the
 * same outcomes against the simulator).
 */
class CredentialsServiceConnectionTest {
    private static final String TOKEN = "/oauth/v2/token";
    private static final String PING = "/api/courseregistration/version/ping";
    private static final SariCredentials TYPED =
            new SariCredentials("client-9", "Cl1ent/Secret+9", "school.api", "p4ss word&9");

    @RegisterExtension
    static WireMockExtension sari = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final InMemoryTenantStore store = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final CredentialsService service = CredentialsService.builder().tenantStore(store)
            .hostPolicy(TestHosts.LOOPBACK).build();

    private URI sariUri() {
        return URI.create(sari.baseUrl());
    }

    private void tokenAnswers(int http, String body) {
        sari.stubFor(get(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(http)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void tokenIssued() {
        tokenAnswers(200, "{\"access_token\":\"acc-TOKEN-1\",\"expires_in\":3600,\"token_type\":\"bearer\","
                + "\"refresh_token\":\"ref-TOKEN-1\"}");
    }

    private static void assertNoSecretIn(ConnectionTestResult result) {
        assertThat(result.toString()).doesNotContain("Cl1ent/Secret+9").doesNotContain("Cl1ent%2FSecret%2B9")
                .doesNotContain("p4ss word&9").doesNotContain("p4ss+word%269")
                .doesNotContain("acc-TOKEN-1").doesNotContain("ref-TOKEN-1");
    }

    @Test
    void workingCredentialsAreOkAfterTokenAndVersion() {
        tokenIssued();
        sari.stubFor(get(urlEqualTo(PING)).willReturn(okJson("{\"result\":\"ping\",\"status\":\"OK\"}")));

        ConnectionTestResult result = service.test(sariUri(), TYPED);

        assertThat(result.ok()).isTrue();
        assertThat(result.failedStep()).isNull();
        assertThat(sari.findAll(getRequestedFor(urlEqualTo(PING)))).hasSize(1);
        assertNoSecretIn(result);
    }

    @Test
    void aRefusedClientIsReportedAsBadClientAtTheTokenStep() {
        tokenAnswers(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client Cl1ent/Secret+9 unknown\"}");

        ConnectionTestResult result = service.test(sariUri(), TYPED);

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_CLIENT);
        assertThat(result.failedStep()).isEqualTo(Step.TOKEN);
        assertThat(result.errorCode()).isEqualTo("invalid_client");
        assertNoSecretIn(result);
    }

    @Test
    void aRefusedUserIsReportedAsBadUserOrPassword() {
        tokenAnswers(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username and password\"}");

        ConnectionTestResult result = service.test(sariUri(), TYPED);

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_USER_OR_PASSWORD);
        assertThat(result.message()).contains("username or password");
        assertNoSecretIn(result);
    }

    @Test
    void anApiUserWithoutDrivingSchoolIsReportedAsNoPermissionAtTheVersionStep() {
        tokenIssued();
        sari.stubFor(get(urlEqualTo(PING)).willReturn(okJson("{\"result\":[],\"status\":\"DRIVINGSCHOOL_NOT_FOUND\"}")));

        ConnectionTestResult result = service.test(sariUri(), TYPED);

        assertThat(result.outcome()).isEqualTo(Outcome.NO_PERMISSION);
        assertThat(result.failedStep()).isEqualTo(Step.VERSION);
        assertThat(result.errorCode()).isEqualTo("DRIVINGSCHOOL_NOT_FOUND");
    }

    @Test
    void aServerErrorIsOtherAndIsTriedOnlyOnce() {
        tokenIssued();
        sari.stubFor(get(urlEqualTo(PING)).willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));

        ConnectionTestResult result = service.test(sariUri(), TYPED);

        assertThat(result.outcome()).isEqualTo(Outcome.OTHER);
        assertThat(result.failedStep()).isEqualTo(Step.VERSION);
        assertThat(result.message()).contains("HTTP 503");
        assertThat(sari.findAll(getRequestedFor(urlEqualTo(PING)))).hasSize(1);
        assertNoSecretIn(result);
    }

    @Test
    void anAnswerThatDoesNotEchoIsOther() {
        tokenIssued();
        sari.stubFor(get(urlEqualTo(PING)).willReturn(okJson("{\"result\":\"pong\",\"status\":\"OK\"}")));

        ConnectionTestResult result = service.test(sariUri(), TYPED);

        assertThat(result.outcome()).isEqualTo(Outcome.OTHER);
        assertThat(result.errorCode()).isEqualTo("UNEXPECTED_ECHO");
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ConnectionTestResult result = service.test(URI.create("http://127.0.0.1:" + port), TYPED);

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.failedStep()).isEqualTo(Step.TOKEN);
        assertThat(result.message()).contains("127.0.0.1:" + port);
        assertNoSecretIn(result);
    }

    @Test
    void savedCredentialsAreTestedAgainstTheTenantsAddress() {
        tokenIssued();
        sari.stubFor(get(urlEqualTo(PING)).willReturn(okJson("{\"result\":\"ping\",\"status\":\"OK\"}")));
        store.save(Tenant.of("school-9", "Neun", sariUri()), TYPED);

        assertThat(service.testSaved("school-9").ok()).isTrue();
        assertThat(sari.findAll(getRequestedFor(urlPathEqualTo(TOKEN))).get(0).queryParameter("client_id").firstValue())
                .isEqualTo("client-9");
    }
}
