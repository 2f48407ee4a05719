package io.github.sarisync.testkit.contract;

import io.github.sarisync.spi.SyncLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarantees of {@link SyncLock}, for every implementation. Extend it, return a lock with no
 * lease taken from {@link #createLock()} (called before each test) and let time pass for it in
 * {@link #letTimePass(Duration)}:
 *
 * <pre>{@code
 * class MyLockTest extends SyncLockContract {
 *     protected SyncLock createLock() { ... }
 *     protected void letTimePass(Duration d) { ... }   // advance the clock the leases are evaluated in
 * }
 * }</pre>
 */
public abstract class SyncLockContract {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int THREADS = 12;

    protected SyncLock lock;

    /** A lock with no lease taken. */
    protected abstract SyncLock createLock();

    /**
     * Lets {@code duration} pass in the clock the lock evaluates leases in (for a database lock:
     * shift the stored lease times back, since the database's clock cannot be set).
     */
    protected abstract void letTimePass(Duration duration);

    @BeforeEach
    void createLockUnderTest() {
        lock = createLock();
    }

    @Test
    void aFreeLeaseIsTakenByTheFirstCaller() {
        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isTrue();
    }

    @Test
    void aHeldLeaseIsRefusedToAnotherOwner() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isFalse();
    }

    @Test
    void theHolderTakingItsLeaseAgainRenewsIt() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofSeconds(50));

        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isTrue();
        letTimePass(Duration.ofSeconds(50));
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isFalse();
    }

    @Test
    void aLeaseNotExpiredYetIsStillRefused() {
        lock.tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(10));
        letTimePass(Duration.ofMinutes(9));

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isFalse();
    }

    @Test
    void anExpiredLeaseIsTakenByAnotherOwner() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofMinutes(2));

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isTrue();
        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isFalse();
    }

    @Test
    void extendingKeepsTheLeaseBeyondItsFirstExpiry() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofSeconds(50));

        assertThat(lock.extend("tenant-1", "engine-a", Duration.ofMinutes(2))).isTrue();
        letTimePass(Duration.ofSeconds(50));
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isFalse();
        letTimePass(Duration.ofMinutes(2));
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isTrue();
    }

    @Test
    void anotherOwnerCannotExtendALease() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);

        assertThat(lock.extend("tenant-1", "engine-b", Duration.ofMinutes(5))).isFalse();
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isFalse();
    }

    @Test
    void aLeaseThatExpiredAndWasTakenOverCannotBeExtended() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofMinutes(2));
        lock.tryAcquire("tenant-1", "engine-b", MINUTE);

        assertThat(lock.extend("tenant-1", "engine-a", MINUTE)).isFalse();
        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isFalse();
    }

    @Test
    void aLeaseNobodyTookCannotBeExtended() {
        assertThat(lock.extend("tenant-unknown", "engine-a", MINUTE)).isFalse();
    }

    @Test
    void releasingLetsAnotherOwnerTakeTheLeaseAtOnce() {
        lock.tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(10));

        lock.release("tenant-1", "engine-a");

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isTrue();
    }

    @Test
    void aReleasedLeaseCannotBeExtendedByItsFormerHolder() {
        lock.tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(10));
        lock.release("tenant-1", "engine-a");
        lock.tryAcquire("tenant-1", "engine-b", MINUTE);

        assertThat(lock.extend("tenant-1", "engine-a", MINUTE)).isFalse();
    }

    @Test
    void releaseByAnotherOwnerLeavesTheLeaseHeld() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);

        lock.release("tenant-1", "engine-b");
        lock.release("tenant-unknown", "engine-b");

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isFalse();
        assertThat(lock.extend("tenant-1", "engine-a", MINUTE)).isTrue();
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isTrue();
        assertThat(lock.tryAcquire("tenant-2", "engine-b", MINUTE)).isTrue();

        lock.release("tenant-1", "engine-a");

        assertThat(lock.tryAcquire("tenant-2", "engine-c", MINUTE)).isFalse();
    }

    @Test
    void exactlyOneOfManyConcurrentCallersTakesAFreeLease() throws Exception {
        for (int round = 0; round < 10; round++) {
            String name = "race-free-" + round;
            List<Boolean> results = race(i -> lock.tryAcquire(name, "engine-" + i, MINUTE));
            assertThat(results).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void exactlyOneOfManyConcurrentCallersTakesAnExpiredLease() throws Exception {
        for (int round = 0; round < 5; round++) {
            lock.tryAcquire("race-expired-" + round, "crashed-engine", MINUTE);
        }
        letTimePass(Duration.ofMinutes(2));
        for (int round = 0; round < 5; round++) {
            String name = "race-expired-" + round;
            List<Boolean> results = race(i -> lock.tryAcquire(name, "engine-" + i, MINUTE));
            assertThat(results).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void concurrentHoldersNeverOverlap() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        race(i -> {
            for (int attempt = 0; attempt < 30; attempt++) {
                if (lock.tryAcquire("shared", "engine-" + i, MINUTE)) {
                    if (holders.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    taken.incrementAndGet();
                    holders.decrementAndGet();
                    lock.release("shared", "engine-" + i);
                }
            }
            return true;
        });

        assertThat(overlaps).hasValue(0);
        assertThat(taken.get()).isPositive();
    }

    private static <T> List<T> race(Concurrently.IndexedTask<T> task) throws Exception {
        return Concurrently.run(THREADS, task);
    }
}
