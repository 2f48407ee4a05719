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
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** When the tenant's state cannot be written after a failed run (the database is down), the run's own error stays first. */
class StateWriteFailureTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** Nothing listens here: the run fails at once with IO_ERROR. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/sari");

    @Test
    void aFailedRunWhoseStateCannotBeWrittenKeepsItsOwnErrorAndWarnsAboutTheState() {
        TestClock clock = new TestClock(T0);
        InMemoryTenantStore stored = new InMemoryTenantStore(TestHosts.LOOPBACK);
        stored.save(Tenant.of("tenant-1", "Fahrschule", NOWHERE),
                new SariCredentials("client", "client-secret", "school", "school-password"));
        TenantStore tenants = new ForwardingTenantStore(stored) {
            @Override
            public void updateState(String tenantId, TenantState state, io.github.sarisync.spi.Lease lease) {
                throw new IllegalStateException("database unavailable");
            }
        };

        try (SARISyncEngine engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions()).tenantStore(tenants)
                .courseStore(new InMemoryCourseStore()).syncLogStore(new InMemorySyncLogStore())
                .lock(new InMemorySyncLock(clock)).clock(clock)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()).connectTimeout(Duration.ofSeconds(2))))
                .build()) {
            TenantSyncResult result = engine.syncTenant("tenant-1");

            assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(result.errorCode()).isEqualTo("IO_ERROR");
            assertThat(result.warnings()).singleElement().asString()
                    .isEqualTo("tenantStore.updateState failed: IllegalStateException: database unavailable");
        }
    }
}
