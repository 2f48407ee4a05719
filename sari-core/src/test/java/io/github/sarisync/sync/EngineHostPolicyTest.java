package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine sends a tenant's credentials only where its host policy allows, also for a tenant
 * row written around the store (by SQL), whose address the store never checked.
 */
class EngineHostPolicyTest {
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "policy-secret-1", "school",
            "policy-password-1");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final AtomicInteger credentialReads = new AtomicInteger();
    private final AtomicInteger clientsBuilt = new AtomicInteger();
    private TinySari sari;
    private SARISyncEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (sari != null) {
            sari.close();
        }
    }

    /** A store holding one tenant at {@code uri} as if an UPDATE had put it there. */
    private ForwardingTenantStore rowWrittenBySql(String id, URI uri) {
        Tenant tenant = Tenant.of(id, "Fahrschule " + id, uri);
        return new ForwardingTenantStore(new InMemoryTenantStore()) {
            @Override
            public List<Tenant> findEnabled() {
                return List.of(tenant);
            }

            @Override
            public Optional<Tenant> find(String tenantId) {
                return tenantId.equals(id) ? Optional.of(tenant) : Optional.empty();
            }

            @Override
            public SariCredentials credentials(String tenantId) {
                credentialReads.incrementAndGet();
                return CREDENTIALS;
            }

            @Override
            public void updateState(String tenantId, io.github.sarisync.spi.TenantState state) {
            }
        };
    }

    private SARISyncEngine engine(io.github.sarisync.spi.TenantStore tenants, SyncOptions options,
                                  SariClientFactory factory) {
        engine = SARISyncEngine.builder().tenantStore(tenants).courseStore(new InMemoryCourseStore())
                .syncLogStore(new InMemorySyncLogStore()).clock(clock).options(options)
                .clientFactory((tenant, credentials) -> {
                    clientsBuilt.incrementAndGet();
                    return factory.create(tenant, credentials);
                }).build();
        return engine;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/sari", "https://sari.evil.example", "https://10.0.0.5",
            "https://user:policy-secret-1@www.vku-pgs.asa.ch", "http://169.254.169.254/latest",
            "https://[fd00:ec2::254]", "https://www.vku-pgs.asa.ch.", "http://sari.example.ch",
            "https://www.vku-pgs.asa.ch/?x=1"})
    void aRowPointingWhereTheStrictDefaultRefusesFailsWithHostNotAllowedBeforeItsCredentialsAreRead(String uri) {
        SyncReport report = engine(rowWrittenBySql("school-x", URI.create(uri)), SyncOptions.defaults(),
                SariClientFactory.defaults()).syncAll();

        TenantSyncResult result = report.results().get(0);
        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("HOST_NOT_ALLOWED");
        assertThat(result.errorMessage()).contains("school-x").doesNotContain("policy-secret-1");
        assertThat(credentialReads.get()).isZero();
        assertThat(clientsBuilt.get()).isZero();
        assertThat(engine.syncTenant("school-x").errorCode()).isEqualTo("HOST_NOT_ALLOWED");
    }

    @Test
    void aLoopbackSimulatorWorksOnceTheHostOptsIn() throws IOException {
        sari = new TinySari();
        sari.ok("/courses/VKU", "[]");
        sari.ok("/courses/PGS", "[]");
        InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
        tenants.save(Tenant.of("school-sim", "Simulated", sari.baseUri()), CREDENTIALS);

        TenantSyncResult result = engine(tenants, TestHosts.loopbackOptions(), SariClientFactory.defaults())
                .syncTenant("school-sim");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sari.calls("/oauth/v2/token")).isEqualTo(1);
    }

    @Test
    void aClientFactoryThatPointsTheClientElsewhereIsRefusedToo() throws IOException {
        sari = new TinySari();
        InMemoryTenantStore tenants = new InMemoryTenantStore();
        tenants.save(Tenant.of("school-prod", "Production", SariEnvironment.PRODUCTION), CREDENTIALS);
        SariClientFactory elsewhere = SariClientFactory.customized(b -> b.baseUri(sari.baseUri()));

        TenantSyncResult result = engine(tenants, SyncOptions.builder().hostPolicy(HostPolicy.strict()).build(),
                elsewhere).syncTenant("school-prod");

        assertThat(result.errorCode()).isEqualTo("HOST_NOT_ALLOWED");
        assertThat(result.errorMessage()).contains("school-prod").contains("client the factory built");
        assertThat(sari.calls("/oauth/v2/token")).isZero();
    }
}
