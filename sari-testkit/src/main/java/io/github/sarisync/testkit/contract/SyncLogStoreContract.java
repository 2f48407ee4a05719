package io.github.sarisync.testkit.contract;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.TenantRunStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guarantees of {@link SyncLogStore} (the run log and its monitoring queries), for every
 * implementation. Extend it and return an empty store from {@link #createStore()} (called before
 * each test). Instants used here have whole milliseconds, so a store may keep milli- or
 * microsecond precision.
 */
public abstract class SyncLogStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    protected SyncLogStore store;

    /** An empty run log. */
    protected abstract SyncLogStore createStore();

    /**
     * The lock whose leases the store checks its fenced writes against (for a database store: the
     * lock on the same database), or null (the default) when the store does not fence, which skips
     * the fencing tests. Called after {@link #createStore()}.
     */
    protected SyncLock leaseLock() {
        return null;
    }

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void aStartedRunIsListedAsRunning() {
        SyncRun run = started("run-1", "tenant-a", 0);

        store.started(run);

        assertThat(store.runningRuns()).containsExactly(run);
        assertThat(store.recentRuns(null, 10)).containsExactly(run);
    }

    @Test
    void aFinishedRunKeepsItsOutcomeAndIsNoLongerRunning() {
        SyncRun run = started("run-1", "tenant-a", 0);
        store.started(run);
        SyncRun done = run.finish(RunStatus.PARTIAL, at(5), new SyncCounts(1, 2, 3, 4, 5, 6, 7, 8),
                "EMPTY_FEED", "suspect empty answer", "VKU,PGS");

        store.finished(done);

        assertThat(store.runningRuns()).isEmpty();
        assertThat(store.recentRuns("tenant-a", 10)).containsExactly(done);
    }

    @Test
    void aRunFinishedWithoutAStartIsRecorded() {
        SyncRun done = started("run-1", "tenant-a", 0).finish(RunStatus.FAILED, at(1), SyncCounts.ZERO,
                "AUTH", "bad credentials", null);

        store.finished(done);

        assertThat(store.recentRuns(null, 10)).containsExactly(done);
    }

    @Test
    void aHeartbeatIsRecordedForARunningRunOnly() {
        SyncRun running = started("run-1", "tenant-a", 0);
        SyncRun done = started("run-2", "tenant-b", 0).finish(RunStatus.SUCCEEDED, at(2), SyncCounts.ZERO,
                null, null, null);
        store.started(running);
        store.finished(done);

        store.heartbeat("run-1", at(3));
        store.heartbeat("run-2", at(3));
        store.heartbeat("run-unknown", at(3));

        assertThat(store.runningRuns()).singleElement()
                .satisfies(r -> assertThat(r.heartbeatAt()).isEqualTo(at(3)));
        assertThat(store.recentRuns("tenant-b", 1)).containsExactly(done);
    }

    @Test
    void recentRunsAreTheNewestFirstCutAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.finished(succeeded("run-" + i, i % 2 == 0 ? "tenant-a" : "tenant-b", i));
        }

        assertThat(store.recentRuns(null, 3)).extracting(SyncRun::runId).containsExactly("run-4", "run-3", "run-2");
        assertThat(store.recentRuns("tenant-a", 10)).extracting(SyncRun::runId)
                .containsExactly("run-4", "run-2", "run-0");
        assertThat(store.recentRuns("tenant-unknown", 10)).isEmpty();
    }

    @Test
    void theLastRunPerTenantIsEachTenantsNewestRunOrderedByTenant() {
        store.finished(succeeded("run-1", "tenant-b", 1));
        store.finished(failed("run-2", "tenant-b", 2));
        store.finished(succeeded("run-3", "tenant-a", 3));
        store.started(started("run-4", "tenant-c", 4));
        store.finished(succeeded("run-5", "tenant-a", 5));

        assertThat(store.lastRunPerTenant()).extracting(SyncRun::runId).containsExactly("run-5", "run-2", "run-4");
    }

    @Test
    void statsCountFinishedRunsPerOutcomeSinceTheGivenInstant() {
        store.finished(succeeded("old", "tenant-a", -120));
        store.finished(succeeded("a1", "tenant-a", 0));
        store.finished(succeeded("a2", "tenant-a", 10));
        store.finished(failed("a3", "tenant-a", 20));
        store.finished(started("a4", "tenant-a", 30).finish(RunStatus.PARTIAL, at(31), SyncCounts.ZERO, null,
                null, null));
        store.finished(started("b1", "tenant-b", 5).finish(RunStatus.SKIPPED, at(5), SyncCounts.ZERO, null,
                null, null));
        store.finished(started("b2", "tenant-b", 6).finish(RunStatus.ABANDONED, at(60), SyncCounts.ZERO, null,
                null, null));
        store.started(started("b3", "tenant-b", 70));

        List<TenantRunStats> stats = store.stats(T0);

        assertThat(stats).containsExactly(new TenantRunStats("tenant-a", 2, 1, 1, 0, 0),
                new TenantRunStats("tenant-b", 0, 0, 0, 1, 1));
        assertThat(stats.get(0).successRate()).isEqualTo(0.75);
        assertThat(stats.get(1).successRate()).isEqualTo(0.0);
        assertThat(store.stats(at(1000))).isEmpty();
    }

    @Test
    void runningRunsAreListedOldestFirst() {
        store.started(started("run-late", "tenant-a", 20));
        store.started(started("run-early", "tenant-b", 10));
        store.finished(succeeded("run-done", "tenant-c", 0));

        assertThat(store.runningRuns()).extracting(SyncRun::runId).containsExactly("run-early", "run-late");
    }

    @Test
    void runsWithAStaleHeartbeatAreMarkedAbandoned() {
        store.started(started("stale", "tenant-a", 0));
        store.started(started("alive", "tenant-b", 0));
        store.heartbeat("alive", at(50));
        store.finished(succeeded("done", "tenant-c", 0));

        int abandoned = store.markAbandoned(at(30), at(60));

        assertThat(abandoned).isEqualTo(1);
        assertThat(store.runningRuns()).extracting(SyncRun::runId).containsExactly("alive");
        assertThat(store.recentRuns("tenant-a", 1)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.ABANDONED);
            assertThat(r.finishedAt()).isEqualTo(at(60));
        });
        assertThat(store.recentRuns("tenant-c", 1)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
    }

    @Test
    void purgeDeletesOnlyFinishedRunsStartedBeforeTheCutOff() {
        store.finished(succeeded("old-1", "tenant-a", -200));
        store.finished(failed("old-2", "tenant-b", -100));
        store.started(started("old-running", "tenant-c", -100));
        store.finished(succeeded("new", "tenant-a", 0));

        int purged = store.purge(T0);

        assertThat(purged).isEqualTo(2);
        assertThat(store.recentRuns(null, 10)).extracting(SyncRun::runId).containsExactly("new", "old-running");
    }

    @Test
    void runsWrittenFromManyThreadsAreAllRecorded() throws Exception {
        Concurrently.run(8, i -> {
            for (int n = 0; n < 10; n++) {
                SyncRun run = started("run-" + i + "-" + n, "tenant-" + i, i * 100 + n);
                store.started(run);
                store.heartbeat(run.runId(), at(i * 100 + n + 1));
                store.finished(run.finish(RunStatus.SUCCEEDED, at(i * 100 + n + 2), SyncCounts.ZERO, null, null, null));
            }
            return null;
        });

        assertThat(store.recentRuns(null, 1000)).hasSize(80).allMatch(r -> r.status() == RunStatus.SUCCEEDED);
        assertThat(store.runningRuns()).isEmpty();
        assertThat(store.lastRunPerTenant()).hasSize(8);
    }

    protected static Instant at(int seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    protected static SyncRun started(String runId, String tenantId, int atSeconds) {
        return SyncRun.started(runId, tenantId, SyncRun.SYNC, SyncTrigger.SCHEDULED, at(atSeconds));
    }

    protected static SyncRun succeeded(String runId, String tenantId, int atSeconds) {
        return started(runId, tenantId, atSeconds).finish(RunStatus.SUCCEEDED, at(atSeconds + 1),
                new SyncCounts(1, 0, 2, 0, 0, 0, 0, 0), null, null, "VKU,PGS");
    }

    protected static SyncRun failed(String runId, String tenantId, int atSeconds) {
        return started(runId, tenantId, atSeconds).finish(RunStatus.FAILED, at(atSeconds + 1), SyncCounts.ZERO,
                "INTERNAL_SERVER_ERROR", "SARI answered 500", null);
    }

    @Test
    void aRunFinishedWithALostLeaseIsRefusedAndCanThenBeRecordedWithoutTheLease() {
        SyncLock lock = FencingLeases.require(leaseLock());
        Lease lost = FencingLeases.lost(lock, "tenant:tenant-1");
        SyncRun started = SyncRun.started("run-1", "tenant-1", SyncRun.SYNC, SyncTrigger.SCHEDULED, T0);
        store.started(started);

        assertThatThrownBy(() -> store.finished(started.finish(RunStatus.SUCCEEDED, T0.plusSeconds(5),
                SyncCounts.ZERO, null, null, null), lost)).isInstanceOf(LeaseLostException.class);
        assertThat(store.runningRuns()).extracting(SyncRun::runId).containsExactly("run-1");

        store.finished(started.finish(RunStatus.FAILED, T0.plusSeconds(5), SyncCounts.ZERO, "LEASE_LOST",
                "lost", null));
        assertThat(store.recentRuns("tenant-1", 5)).singleElement()
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("LEASE_LOST"));
    }

    @Test
    void aRunFinishedWithTheCurrentLeaseIsRecorded() {
        SyncLock lock = FencingLeases.require(leaseLock());
        Lease lease = lock.tryAcquire("tenant:tenant-1", "engine-a", Duration.ofMinutes(1)).orElseThrow();
        SyncRun started = SyncRun.started("run-1", "tenant-1", SyncRun.SYNC, SyncTrigger.SCHEDULED, T0);

        store.finished(started.finish(RunStatus.SUCCEEDED, T0.plusSeconds(5), SyncCounts.ZERO, null, null, null),
                lease);

        assertThat(store.recentRuns("tenant-1", 5)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
    }
}
