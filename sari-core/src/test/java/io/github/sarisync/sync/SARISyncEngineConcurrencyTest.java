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
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases, parallel runs and cancellation, with tenants whose SARI refuses connections at once. */
class SARISyncEngineConcurrencyTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/sari");
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "school",
            "school-password");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final InMemoryCourseStore courses = new InMemoryCourseStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();

    private SARISyncEngine engine(TenantStore store, SyncLock lock, String instance, int parallelism,
                                  SyncListener listener) {
        return SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(store).courseStore(courses).syncLogStore(runs).lock(lock)
                .clock(clock).listener(listener)
                .options(SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK)
                .instanceId(instance).parallelism(parallelism).build())
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()).connectTimeout(Duration.ofSeconds(2)))).build();
    }

    private void tenants(int count) {
        for (int i = 0; i < count; i++) {
            tenants.save(Tenant.of("tenant-" + i, "School " + i, NOWHERE), CREDENTIALS);
        }
    }

    @Test
    void twoEnginesSharingALockNeverRunTheSameTenantAtOnce() throws Exception {
        tenants(6);
        OverlapDetector detector = new OverlapDetector(tenants);
        InMemorySyncLock lock = new InMemorySyncLock(clock);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (SARISyncEngine a = engine(detector, lock, "engine-a", 4, null);
             SARISyncEngine b = engine(detector, lock, "engine-b", 4, null)) {
            List<Future<SyncReport>> reports = new ArrayList<>();
            for (int round = 0; round < 15; round++) {
                reports.add(callers.submit(a::syncAll));
                reports.add(callers.submit(b::syncAll));
                reports.add(callers.submit(() -> new SyncReport(clock.instant(), clock.instant(),
                        List.of(a.syncTenant("tenant-0")))));
            }
            int ran = 0;
            int locked = 0;
            for (Future<SyncReport> report : reports) {
                for (TenantSyncResult r : report.get(60, TimeUnit.SECONDS).results()) {
                    if (r.outcome() == SyncOutcome.FAILED) {
                        ran++;
                    } else if ("LOCKED".equals(r.errorCode()) || "RUNNING".equals(r.errorCode())) {
                        locked++;
                    }
                }
            }
            assertThat(detector.overlaps).hasValue(0);
            assertThat(ran).isEqualTo(detector.runs.get()).isPositive();
            assertThat(ran + locked).isEqualTo(15 * (6 + 6 + 1));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void cancelSkipsTheTenantsNotStartedYet() {
        tenants(5);
        CountDownLatch cancelled = new CountDownLatch(1);
        SARISyncEngine[] engine = new SARISyncEngine[1];
        engine[0] = engine(tenants, new InMemorySyncLock(clock), "engine-a", 1, new SyncListener() {
            @Override
            public void tenantStarted(String tenantId, String tenantName) {
                if (tenantId.equals("tenant-1") && cancelled.getCount() > 0) {
                    engine[0].cancel();
                    cancelled.countDown();
                }
            }
        });
        try (SARISyncEngine e = engine[0]) {
            SyncReport report = e.syncAll();

            assertThat(cancelled.getCount()).isZero();
            assertThat(report.results()).extracting(TenantSyncResult::tenantId).containsExactly("tenant-0",
                    "tenant-1", "tenant-2", "tenant-3", "tenant-4");
            assertThat(report.results().subList(2, 5)).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(SyncOutcome.SKIPPED);
                assertThat(r.errorCode()).isEqualTo("CANCELLED");
            });
            assertThat(report.results().get(1).outcome()).isEqualTo(SyncOutcome.SKIPPED);
            assertThat(report.results().get(0).outcome()).isEqualTo(SyncOutcome.FAILED);

            SyncReport next = e.syncAll();
            assertThat(next.results()).noneMatch(r -> "CANCELLED".equals(r.errorCode()));
        }
    }

    @Test
    void manyTenantsRunInParallelAndAreReportedInIdOrder() {
        tenants(40);
        try (SARISyncEngine e = engine(tenants, new InMemorySyncLock(clock), "engine-a", 8, null)) {
            SyncReport report = e.syncAll();

            assertThat(report.results()).hasSize(40);
            assertThat(report.results()).extracting(TenantSyncResult::tenantId)
                    .isSortedAccordingTo(String::compareTo);
            assertThat(tenants.findAll()).allSatisfy(t -> assertThat(t.state().consecutiveFailures()).isOne());
        }
    }

    /**
     * Counts a tenant as running from reading its credentials (the first call after taking the
     * lease) to writing its state (the last call before releasing it).
     */
    private static final class OverlapDetector extends ForwardingTenantStore {
        private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();

        OverlapDetector(TenantStore delegate) {
            super(delegate);
        }

        @Override
        public SariCredentials credentials(String tenantId) {
            runs.incrementAndGet();
            if (running.computeIfAbsent(tenantId, t -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            Thread.yield();
            return super.credentials(tenantId);
        }

        @Override
        public void updateState(String tenantId, TenantState state, io.github.sarisync.spi.Lease lease) {
            super.updateState(tenantId, state, lease);
            running.get(tenantId).decrementAndGet();
        }
    }
}
