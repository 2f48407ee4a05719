package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code syncDue} plans its tenants from one read of the tenant list; another instance may sync a
 * tenant before this one gets its lease. The stored tenant, read again under the lease, decides.
 */
class SyncDueRecheckTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** Nothing listens here: a tenant that really runs fails at once with IO_ERROR. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/sari");
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "school",
            "school-password");

    private final TestClock clock = new TestClock(T0);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();

    @Test
    void aTenantAnotherInstanceSyncedAfterTheTenantListWasReadIsSkippedAsNotDueWithoutARunLogRow() {
        TenantState longAgo = new TenantState(T0.minus(Duration.ofHours(3)), T0.minus(Duration.ofHours(3)),
                RunStatus.SUCCEEDED, 0, null, null);
        for (String id : List.of("synced-elsewhere", "still-due")) {
            tenants.save(Tenant.of(id, id, NOWHERE), CREDENTIALS);
            tenants.updateState(id, longAgo);
        }
        List<Tenant> planned = tenants.findEnabled();
        tenants.updateState("synced-elsewhere", new TenantState(T0, T0, RunStatus.SUCCEEDED, 0, null, null));

        try (SARISyncEngine engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(readEarlier(planned))
                .courseStore(new InMemoryCourseStore()).syncLogStore(runs).lock(new InMemorySyncLock(clock))
                .clock(clock).options(SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK).stagger(false).build())
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()).connectTimeout(Duration.ofSeconds(2))))
                .build()) {
            SyncReport report = engine.syncDue();

            assertThat(report.results()).hasSize(2);
            assertThat(report.results()).filteredOn(r -> r.tenantId().equals("synced-elsewhere")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.outcome()).isEqualTo(SyncOutcome.SKIPPED);
                        assertThat(r.errorCode()).isEqualTo("NOT_DUE");
                        assertThat(r.errorMessage()).contains("synced-elsewhere", "another instance");
                        assertThat(r.runId()).as("no run, so no run id").isNull();
                    });
            assertThat(report.results()).filteredOn(r -> r.tenantId().equals("still-due")).singleElement()
                    .satisfies(r -> assertThat(r.errorCode()).as("it ran and met no SARI").isEqualTo("IO_ERROR"));
        }
        assertThat(tenants.find("synced-elsewhere").orElseThrow().state().lastOutcome())
                .as("the other instance's outcome stays").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.recentRuns("synced-elsewhere", 10)).as("a skip of a tenant synced elsewhere is no run")
                .isEmpty();
    }

    /** The tenant store as an instance sees it that read the tenant list before another instance wrote. */
    private TenantStore readEarlier(List<Tenant> planned) {
        return new ForwardingTenantStore(tenants) {
            @Override
            public List<Tenant> findEnabled() {
                return planned;
            }

            @Override
            public List<Tenant> findAll() {
                return planned;
            }
        };
    }
}
