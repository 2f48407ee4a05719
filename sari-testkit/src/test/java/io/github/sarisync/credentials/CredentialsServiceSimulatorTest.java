package io.github.sarisync.credentials;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.credentials.ConnectionTestResult.Outcome;
import io.github.sarisync.credentials.ConnectionTestResult.Step;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.testkit.Fault;
import io.github.sarisync.testkit.FaultRule;
import io.github.sarisync.testkit.Operation;
import io.github.sarisync.testkit.SariSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection test of {@link CredentialsService} against the SARI simulator, one failure kind at a time. */
class CredentialsServiceSimulatorTest {
    private static final SariCredentials GOOD =
            new SariCredentials("client-muster", "Muster/Secret+1 &", "fahrschule.muster", "Pass word&1=");

    private static SariSimulator sari;

    private final InMemoryTenantStore tenants = new InMemoryTenantStore(SariSimulator.hostPolicy());
    private final CredentialsService service = CredentialsService.builder().tenantStore(tenants)
            .hostPolicy(SariSimulator.hostPolicy()).build();

    @BeforeAll
    static void startSari() {
        sari = SariSimulator.start();
        sari.addSchool("muster", GOOD);
    }

    @AfterAll
    static void stopSari() {
        sari.close();
    }

    @BeforeEach
    void noFaults() {
        sari.clearFaults();
    }

    private static void assertNoSecretIn(ConnectionTestResult result, SariCredentials typed) {
        for (String secret : new String[]{typed.clientSecret(), typed.password()}) {
            assertThat(result.toString()).doesNotContain(secret)
                    .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        assertThat(result.toString()).doesNotContainPattern("[0-9a-f]{48}");
    }

    @Test
    void workingCredentialsAreOk() {
        ConnectionTestResult result = service.test(sari.baseUri(), GOOD);

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.message()).contains("accepted the credentials");
        assertNoSecretIn(result, GOOD);
    }

    @Test
    void aWrongClientSecretIsABadClient() {
        SariCredentials typed = new SariCredentials(GOOD.clientId(), "Wrong/Secret+2", GOOD.username(), GOOD.password());

        ConnectionTestResult result = service.test(sari.baseUri(), typed);

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_CLIENT);
        assertThat(result.failedStep()).isEqualTo(Step.TOKEN);
        assertThat(result.errorCode()).isEqualTo("invalid_client");
        assertNoSecretIn(result, typed);
    }

    @Test
    void aWrongClientIdIsABadClient() {
        SariCredentials typed = new SariCredentials("client-other", GOOD.clientSecret(), GOOD.username(), GOOD.password());

        assertThat(service.test(sari.baseUri(), typed).outcome()).isEqualTo(Outcome.BAD_CLIENT);
    }

    @Test
    void aWrongPasswordIsABadUserOrPassword() {
        SariCredentials typed = new SariCredentials(GOOD.clientId(), GOOD.clientSecret(), GOOD.username(), "Wrong pass&2");

        ConnectionTestResult result = service.test(sari.baseUri(), typed);

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_USER_OR_PASSWORD);
        assertThat(result.failedStep()).isEqualTo(Step.TOKEN);
        assertThat(result.errorCode()).isEqualTo("invalid_grant");
        assertNoSecretIn(result, typed);
    }

    @Test
    void anUnknownUserIsABadUserOrPassword() {
        SariCredentials typed = new SariCredentials(GOOD.clientId(), GOOD.clientSecret(), "nobody", GOOD.password());

        assertThat(service.test(sari.baseUri(), typed).outcome()).isEqualTo(Outcome.BAD_USER_OR_PASSWORD);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ConnectionTestResult result = service.test(URI.create("http://127.0.0.1:" + port), GOOD);

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.failedStep()).isEqualTo(Step.TOKEN);
        assertThat(result.errorCode()).isEqualTo("IO_ERROR");
        assertNoSecretIn(result, GOOD);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsUnreachable() {
        sari.inject(FaultRule.of(Fault.hang()).operation(Operation.TOKEN).times(1));
        CredentialsService impatient = CredentialsService.builder().tenantStore(tenants)
                .hostPolicy(SariSimulator.hostPolicy())
                .clientFactory(SariClientFactory.customized(b -> b.retry(RetryPolicy.none())
                        .rateLimit(RateLimit.unlimited()).requestTimeout(Duration.ofMillis(300))))
                .build();

        ConnectionTestResult result = impatient.test(sari.baseUri(), GOOD);

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.errorCode()).isEqualTo("TIMEOUT");
        assertNoSecretIn(result, GOOD);
    }

    @Test
    void aServerErrorOnVersionIsOtherAtTheVersionStep() {
        sari.inject(FaultRule.of(Fault.httpStatus(503)).operation(Operation.VERSION).times(1));

        ConnectionTestResult result = service.test(sari.baseUri(), GOOD);

        assertThat(result.outcome()).isEqualTo(Outcome.OTHER);
        assertThat(result.failedStep()).isEqualTo(Step.VERSION);
        assertThat(result.message()).contains("HTTP 503");
        assertNoSecretIn(result, GOOD);
    }

    @Test
    void anInternalServerErrorStatusIsOther() {
        sari.inject(FaultRule.of(Fault.internalServerError()).operation(Operation.VERSION).times(1));

        ConnectionTestResult result = service.test(sari.baseUri(), GOOD);

        assertThat(result.outcome()).isEqualTo(Outcome.OTHER);
        assertThat(result.errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void aProxyErrorPageInsteadOfATokenIsOtherAtTheTokenStep() {
        sari.inject(FaultRule.of(Fault.htmlPage(502)).operation(Operation.TOKEN).times(1));

        ConnectionTestResult result = service.test(sari.baseUri(), GOOD);

        assertThat(result.outcome()).isEqualTo(Outcome.OTHER);
        assertThat(result.failedStep()).isEqualTo(Step.TOKEN);
        assertNoSecretIn(result, GOOD);
    }

    @Test
    void aMalformedVersionAnswerIsOther() {
        sari.inject(FaultRule.of(Fault.malformedJson()).operation(Operation.VERSION).times(1));

        ConnectionTestResult result = service.test(sari.baseUri(), GOOD);

        assertThat(result.outcome()).isEqualTo(Outcome.OTHER);
        assertThat(result.errorCode()).isEqualTo("MALFORMED_RESPONSE");
    }

    @Test
    void savedCredentialsAreTestedAtTheTenantsAddressAndShownMasked() {
        tenants.save(Tenant.of("muster", "Fahrschule Muster", sari.baseUri()),
                new SariCredentials("client-muster", "outdated-secret", "fahrschule.muster", "outdated"));

        assertThat(service.testSaved("muster").outcome()).isEqualTo(Outcome.BAD_CLIENT);

        service.save("muster", GOOD);

        assertThat(service.testSaved("muster").ok()).isTrue();
        MaskedCredentials shown = service.settings("muster");
        assertThat(shown.clientId()).isEqualTo("client-muster");
        assertThat(shown.username()).isEqualTo("fahrschule.muster");
        assertThat(shown.maskedClientSecret()).isEqualTo("set, 16-31 chars").doesNotContain(" &");
        assertThat(shown.maskedPassword()).isEqualTo("set, 8-15 chars");
    }
}
