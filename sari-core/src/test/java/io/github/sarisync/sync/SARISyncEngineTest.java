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
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's behaviour that needs no SARI answer: settings, unknown and disabled tenants, leases
 * held elsewhere, credentials that cannot be read, SARI unreachable, the due rule, housekeeping and
 * guarded listeners. The full sync is tested against the simulator in sari-testkit.
 */
class SARISyncEngineTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** Nothing listens here: a connection is refused at once. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/sari");
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "school",
            "school-password");

    private final TestClock clock = new TestClock(T0);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final InMemoryCourseStore courses = new InMemoryCourseStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private final InMemorySyncLock lock = new InMemorySyncLock(clock);
    private final List<SARISyncEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(SARISyncEngine::close);
    }

    private SARISyncEngine.Builder builder() {
        return SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(tenants).courseStore(courses).syncLogStore(runs).lock(lock)
                .clock(clock).clientFactory(SariClientFactory.customized(b -> b.clock(clock)
                        .rateLimit(RateLimit.unlimited()).retry(RetryPolicy.none())
                        .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(2))));
    }

    private SARISyncEngine engine() {
        SARISyncEngine engine = builder().build();
        engines.add(engine);
        return engine;
    }

    private void tenant(String id) {
        tenants.save(Tenant.of(id, "Fahrschule " + id, NOWHERE), CREDENTIALS);
    }

    @Test
    void buildFailsNamingTheMissingStore() {
        assertThatThrownBy(() -> SARISyncEngine.builder().tenantStore(tenants).syncLogStore(runs).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("courseStore");
        assertThatThrownBy(() -> SARISyncEngine.builder().courseStore(courses).syncLogStore(runs).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantStore");
    }

    @Test
    void anUnknownTenantIsRefusedNamingIt() {
        SARISyncEngine engine = engine();

        assertThatThrownBy(() -> engine.syncTenant("tenant-x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant-x");
        assertThatThrownBy(() -> engine.pause("tenant-x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant-x");
        assertThatThrownBy(() -> engine.clientFor("tenant-x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant-x");
    }

    @Test
    void aDisabledTenantIsSkippedWhenTriggeredByHand() {
        tenant("tenant-1");
        tenants.setFlags("tenant-1", false, false);

        TenantSyncResult result = engine().syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SKIPPED);
        assertThat(result.errorCode()).isEqualTo("DISABLED");
        assertThat(result.errorMessage()).contains("tenant-1");
    }

    @Test
    void aTenantWhoseLeaseAnotherInstanceHoldsIsSkippedAndCountedWithoutARunLogRow() {
        tenant("tenant-1");
        lock.tryAcquire("tenant:tenant-1", "other-instance", Duration.ofMinutes(5));
        List<TenantSyncResult> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        SARISyncEngine engine = builder().listener(new SyncListener() {
                    @Override
                    public void tenantFinished(TenantSyncResult result) {
                        heard.add(result);
                    }
                }).build();
        engines.add(engine);

        SyncReport report = engine.syncAll();

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(SyncOutcome.SKIPPED);
            assertThat(r.errorCode()).isEqualTo("LOCKED");
        });
        assertThat(report.success()).isTrue();
        assertThat(report.tenantsProcessed()).isZero();
        assertThat(report.skippedLocked()).isOne();
        assertThat(heard).singleElement().satisfies(r -> assertThat(r.skippedLocked()).isTrue());
        // the instance that holds the lease writes the row of the real run; this one writes none
        assertThat(runs.recentRuns("tenant-1", 5)).isEmpty();
        assertThat(tenants.find("tenant-1").orElseThrow().state()).isEqualTo(TenantState.NEW);
    }

    @Test
    void credentialsThatCannotBeReadFailTheTenantAndCountTheFailure() {
        tenant("tenant-1");
        SARISyncEngine engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(new CredentialsFailingStore(tenants))
                .courseStore(courses).syncLogStore(runs).lock(lock).clock(clock).build();
        engines.add(engine);

        TenantSyncResult first = engine.syncTenant("tenant-1");
        clock.advance(Duration.ofMinutes(1));
        engine.syncTenant("tenant-1");

        assertThat(first.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(first.errorCode()).isEqualTo("CREDENTIALS");
        assertThat(first.errorMessage()).contains("tenant-1").doesNotContain("school-password");
        TenantState state = tenants.find("tenant-1").orElseThrow().state();
        assertThat(state.consecutiveFailures()).isEqualTo(2);
        assertThat(state.lastSuccessAt()).isNull();
        assertThat(state.lastAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(state.lastErrorCode()).isEqualTo("CREDENTIALS");
        assertThat(runs.recentRuns("tenant-1", 5)).extracting(SyncRun::status)
                .containsExactly(RunStatus.FAILED, RunStatus.FAILED);
    }

    @Test
    void anUnreachableSariFailsThatTenantWithTheTransportCodeAndTheRunReportsIt() {
        tenant("tenant-1");
        tenant("tenant-2");

        SyncReport report = engine().syncAll();

        assertThat(report.success()).isFalse();
        assertThat(report.failedTenants()).extracting(FailedTenant::tenantId).containsExactly("tenant-1", "tenant-2");
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(r.errorCode()).isEqualTo("IO_ERROR");
            assertThat(r.errorMessage()).contains("VKU course list").doesNotContain("client-secret")
                    .doesNotContain("school-password");
            assertThat(r.counts()).isEmpty();
            assertThat(r.trigger()).isEqualTo(SyncTrigger.SCHEDULED);
        });
        assertThat(runs.recentRuns(null, 10)).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorCode()).isEqualTo("IO_ERROR");
        });
    }

    @Test
    void syncDueRunsNothingWhileEveryTenantIsWithinItsInterval() {
        tenant("tenant-1");
        tenants.updateState("tenant-1", new TenantState(T0, T0, RunStatus.SUCCEEDED, 0, null, null));

        SARISyncEngine engine = builder().options(SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK)
                .stagger(false).build()).build();
        engines.add(engine);

        SyncReport report = engine.syncDue();

        assertThat(report.results()).isEmpty();
        assertThat(report.success()).isTrue();
    }

    @Test
    void aRunStartsByMarkingStaleRunsAbandonedAndPurgingOldOnes() {
        runs.started(SyncRun.started("crashed", "tenant-9", SyncRun.SYNC, SyncTrigger.SCHEDULED,
                T0.minus(Duration.ofHours(1))));
        runs.finished(SyncRun.started("ancient", "tenant-9", SyncRun.SYNC, SyncTrigger.SCHEDULED,
                T0.minus(Duration.ofDays(400))).finish(RunStatus.SUCCEEDED, T0.minus(Duration.ofDays(400)),
                null, null, null, null));

        engine().syncAll();

        assertThat(runs.recentRuns("tenant-9", 10)).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo("crashed");
            assertThat(r.status()).isEqualTo(RunStatus.ABANDONED);
        });
    }

    @Test
    void pauseAndResumeOnlyFlipThePausedFlag() {
        tenant("tenant-1");
        SARISyncEngine engine = engine();

        engine.pause("tenant-1");
        SyncReport paused = engine.syncAll();
        engine.resume("tenant-1");

        assertThat(paused.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(SyncOutcome.SKIPPED);
            assertThat(r.errorCode()).isEqualTo("PAUSED");
        });
        Tenant tenant = tenants.find("tenant-1").orElseThrow();
        assertThat(tenant.paused()).isFalse();
        assertThat(tenant.enabled()).isTrue();
    }

    @Test
    void aListenerThatThrowsNeitherBreaksTheRunNorLosesLaterEvents() {
        tenant("tenant-1");
        AtomicInteger finished = new AtomicInteger();
        SARISyncEngine engine = builder().listener(new SyncListener() {
            @Override
            public void runStarted(int tenantCount) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void tenantStarted(String tenantId, String tenantName) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void runFinished(SyncReport report) {
                finished.incrementAndGet();
            }
        }).build();
        engines.add(engine);

        SyncReport report = engine.syncAll();

        assertThat(report.results()).hasSize(1);
        assertThat(finished).hasValue(1);
    }

    @Test
    void theClientOfATenantIsKeptAcrossCallsAndRebuiltWhenItsCredentialsChange() {
        tenant("tenant-1");
        SARISyncEngine engine = engine();

        var first = engine.clientFor("tenant-1");
        var again = engine.clientFor("tenant-1");
        tenants.save(tenants.find("tenant-1").orElseThrow(), new SariCredentials("client", "client-secret",
                "school", "new-password"));
        var rebuilt = engine.clientFor("tenant-1");

        assertThat(again).isSameAs(first);
        assertThat(rebuilt).isNotSameAs(first);
    }

    /** A tenant store whose stored credentials cannot be decrypted. */
    private static final class CredentialsFailingStore extends ForwardingTenantStore {
        CredentialsFailingStore(InMemoryTenantStore delegate) {
            super(delegate);
        }

        @Override
        public SariCredentials credentials(String tenantId) {
            throw new CredentialsException("credentials of tenant " + tenantId + " were encrypted with key k9, "
                    + "which is not configured");
        }
    }
}
