package io.github.sarisync.examples.chaos;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of scenario 4 find overlaps, skipped intervals and double syncs when there are some. */
class ConcurrencyChecksTest {
    private static final Duration LEASE = Duration.ofMinutes(5);

    /** A broken lock: grants every lease to everybody. */
    private static final SyncLock GRANTS_ALL = new SyncLock() {
        @Override
        public Optional<Lease> tryAcquire(String name, String owner, Duration duration) {
            Instant now = Instant.parse("2026-03-02T10:00:00Z");
            return Optional.of(new Lease(name, owner, 1, now, now.plus(duration)));
        }

        @Override
        public boolean extend(Lease lease, Duration duration) {
            return true;
        }

        @Override
        public void release(Lease lease) {
        }
    };

    @Test
    void aLeaseGrantedWhileAnotherInstanceHoldsItIsAnOverlap() {
        RunRecorder recorder = new RunRecorder();
        SyncLock a = recorder.lock(GRANTS_ALL);
        SyncLock b = recorder.lock(GRANTS_ALL);

        a.tryAcquire("tenant:t1", "instance-a", LEASE);
        b.tryAcquire("tenant:t1", "instance-b", LEASE);

        assertThat(recorder.overlaps().count()).isEqualTo(1);
        assertThat(recorder.overlaps().examples()).containsExactly(
                "tenant:t1: granted to instance-b while instance-a held it");
    }

    @Test
    void aLeaseTakenAfterTheOtherInstanceReleasedItIsNoOverlap() {
        RunRecorder recorder = new RunRecorder();
        SyncLock a = recorder.lock(GRANTS_ALL);
        SyncLock b = recorder.lock(GRANTS_ALL);

        a.release(a.tryAcquire("tenant:t1", "instance-a", LEASE).orElseThrow());
        b.tryAcquire("tenant:t1", "instance-b", LEASE);
        a.tryAcquire("tenant:t2", "instance-a", LEASE);

        assertThat(recorder.overlaps().count()).isZero();
    }

    @Test
    void anIntervalWithoutASyncIsSkippedAndASecondSyncInOneIntervalIsADouble() {
        Instant zero = Instant.parse("2026-03-02T10:00:00Z");
        List<RunRecorder.Run> runs = List.of(
                run("a", "t1", SyncOutcome.SUCCESS, zero.plusMillis(100)),
                run("b", "t1", SyncOutcome.SUCCESS, zero.plusMillis(1200)),
                run("c", "t1", SyncOutcome.PARTIAL, zero.plusMillis(1500)),
                run("a", "t1", SyncOutcome.SKIPPED, zero.plusMillis(2100)),
                run("a", "t1", SyncOutcome.FAILED, zero.plusMillis(2200)),
                run("b", "t1", SyncOutcome.SUCCESS, zero.plusMillis(3100)));

        IntervalCheck check = new IntervalCheck(List.of("t1", "t2"), runs, Duration.ofSeconds(1), false,
                zero.plusMillis(4000), Duration.ofMillis(500));

        assertThat(check.skipped().examples()).containsExactly("tenant t2: never synced",
                "tenant t1: no sync in its interval starting 2026-03-02T10:00:02Z");
        assertThat(check.doubles().count()).isEqualTo(1);
        assertThat(check.doubles().examples()).singleElement().asString()
                .contains("tenant t1: 2 syncs in its interval starting 2026-03-02T10:00:01Z by [b, c]");
    }

    @Test
    void oneSyncInEveryIntervalUpToTheEndIsNeitherSkippedNorDouble() {
        Instant zero = Instant.parse("2026-03-02T10:00:00Z");
        List<RunRecorder.Run> runs = List.of(
                run("a", "t1", SyncOutcome.SUCCESS, zero.plusMillis(100)),
                run("b", "t1", SyncOutcome.SUCCESS, zero.plusMillis(1100)),
                run("c", "t1", SyncOutcome.SUCCESS, zero.plusMillis(2050)));

        IntervalCheck check = new IntervalCheck(List.of("t1"), runs, Duration.ofSeconds(1), false,
                zero.plusMillis(3400), Duration.ofMillis(500));

        assertThat(check.skipped().count()).isZero();
        assertThat(check.doubles().count()).isZero();
    }

    private static RunRecorder.Run run(String instance, String tenant, SyncOutcome outcome, Instant start) {
        return new RunRecorder.Run(instance, new TenantSyncResult(tenant, tenant, "run-" + start.toEpochMilli(),
                SyncTrigger.SCHEDULED, outcome, Map.of(), null, null, List.of(), start, start.plusMillis(50)));
    }
}
