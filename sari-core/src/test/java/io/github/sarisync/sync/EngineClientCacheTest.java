package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine keeps one client (with credentials and token) per tenant, and lets go of it when the
 * tenant is disabled or deleted: a client built afterwards for the same tenant is a new one.
 */
class EngineClientCacheTest {
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "cache-secret-1", "school",
            "cache-password-1");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final Map<String, AtomicInteger> built = new ConcurrentHashMap<>();
    private TinySari sari;
    private SARISyncEngine engine;

    @BeforeEach
    void start() throws IOException {
        sari = new TinySari();
        sari.ok("/courses/VKU", "[]");
        sari.ok("/courses/PGS", "[]");
        SariClientFactory defaults = SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                .retry(RetryPolicy.none()));
        engine = SARISyncEngine.builder().tenantStore(tenants).courseStore(new InMemoryCourseStore())
                .syncLogStore(new InMemorySyncLogStore()).clock(clock).options(TestHosts.loopbackOptions())
                .clientFactory((tenant, credentials) -> {
                    built.computeIfAbsent(tenant.id(), id -> new AtomicInteger()).incrementAndGet();
                    return defaults.create(tenant, credentials);
                })
                .build();
        save("school-a");
        save("school-b");
    }

    @AfterEach
    void stop() {
        engine.close();
        sari.close();
    }

    private void save(String id) {
        tenants.save(Tenant.of(id, "Fahrschule " + id, sari.baseUri()), CREDENTIALS);
    }

    private int builds(String id) {
        return built.getOrDefault(id, new AtomicInteger()).get();
    }

    @Test
    void aClientIsKeptAcrossRunsWhileItsTenantStaysEnabled() {
        engine.syncAll();
        engine.syncAll();

        assertThat(builds("school-a")).isEqualTo(1);
        assertThat(builds("school-b")).isEqualTo(1);
    }

    @Test
    void aDisabledTenantsClientIsDroppedAtTheNextSyncAllSoEnablingItAgainBuildsANewOne() {
        engine.syncAll();
        tenants.setFlags("school-a", false, false);
        engine.syncAll();
        tenants.setFlags("school-a", true, false);

        assertThat(engine.syncAll().success()).isTrue();

        assertThat(builds("school-a")).isEqualTo(2);
        assertThat(builds("school-b")).isEqualTo(1);
    }

    @Test
    void aDeletedTenantsClientIsDroppedAtTheNextSyncDue() {
        engine.syncAll();
        tenants.delete("school-a");
        engine.syncDue();
        save("school-a");

        engine.syncTenant("school-a");

        assertThat(builds("school-a")).isEqualTo(2);
    }

    @Test
    void triggeringADisabledTenantDropsItsClientAtOnce() {
        engine.syncTenant("school-a");
        tenants.setFlags("school-a", false, false);

        assertThat(engine.syncTenant("school-a").errorCode()).isEqualTo("DISABLED");
        tenants.setFlags("school-a", true, false);
        engine.syncTenant("school-a");

        assertThat(builds("school-a")).isEqualTo(2);
    }

    @Test
    void triggeringADeletedTenantFailsNamingItAndDropsItsClient() {
        engine.syncTenant("school-a");
        tenants.delete("school-a");

        assertThatThrownBy(() -> engine.syncTenant("school-a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("school-a");
        save("school-a");
        engine.syncTenant("school-a");

        assertThat(builds("school-a")).isEqualTo(2);
    }

    @Test
    void changedCredentialsBuildANewClientWithoutTheOldToken() {
        engine.syncTenant("school-a");
        tenants.save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()),
                new SariCredentials("client", "cache-secret-2", "school", "cache-password-2"));

        engine.syncTenant("school-a");

        assertThat(builds("school-a")).isEqualTo(2);
        assertThat(sari.calls("/oauth/v2/token")).isEqualTo(2);
    }
}
