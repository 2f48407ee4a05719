package io.github.sarisync.testkit.contract;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.SyncLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).hasValueSatisfying(lease -> {
            assertThat(lease.name()).isEqualTo("tenant-1");
            assertThat(lease.owner()).isEqualTo("engine-a");
            assertThat(lease.expiresAt()).isAfter(lease.acquiredAt());
        });
    }

    @Test
    void aHeldLeaseIsRefusedToAnotherOwner() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isEmpty();
    }

    @Test
    void theHolderTakingItsLeaseAgainRenewsIt() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofSeconds(50));

        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isPresent();
        letTimePass(Duration.ofSeconds(50));
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isEmpty();
    }

    @Test
    void aLeaseNotExpiredYetIsStillRefused() {
        lock.tryAcquire("tenant-1", "engine-a", Duration.ofMinutes(10));
        letTimePass(Duration.ofMinutes(9));

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenByAnotherOwner() {
        lock.tryAcquire("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofMinutes(2));

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isPresent();
        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isEmpty();
    }

    @Test
    void extendingKeepsTheLeaseBeyondItsFirstExpiry() {
        Lease lease = take("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofSeconds(50));

        assertThat(lock.extend(lease, Duration.ofMinutes(2))).isTrue();
        letTimePass(Duration.ofSeconds(50));
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isEmpty();
        letTimePass(Duration.ofMinutes(2));
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isPresent();
    }

    @Test
    void anotherOwnerCannotExtendALease() {
        Lease lease = take("tenant-1", "engine-a", MINUTE);

        assertThat(lock.extend(impostor(lease, "engine-b"), Duration.ofMinutes(5))).isFalse();
        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isEmpty();
    }

    @Test
    void aLeaseThatExpiredAndWasTakenOverCannotBeExtended() {
        Lease lease = take("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofMinutes(2));
        lock.tryAcquire("tenant-1", "engine-b", MINUTE);

        assertThat(lock.extend(lease, MINUTE)).isFalse();
        assertThat(lock.tryAcquire("tenant-1", "engine-a", MINUTE)).isEmpty();
    }

    @Test
    void aLeaseNobodyTookCannotBeExtended() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(lock.extend(new Lease("tenant-unknown", "engine-a", 1, now, now.plus(MINUTE)), MINUTE)).isFalse();
    }

    @Test
    void releasingLetsAnotherOwnerTakeTheLeaseAtOnce() {
        Lease lease = take("tenant-1", "engine-a", Duration.ofMinutes(10));

        lock.release(lease);

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isPresent();
    }

    @Test
    void aReleasedLeaseCannotBeExtendedByItsFormerHolder() {
        Lease lease = take("tenant-1", "engine-a", Duration.ofMinutes(10));
        lock.release(lease);
        lock.tryAcquire("tenant-1", "engine-b", MINUTE);

        assertThat(lock.extend(lease, MINUTE)).isFalse();
    }

    @Test
    void releaseByAnotherOwnerLeavesTheLeaseHeld() {
        Lease lease = take("tenant-1", "engine-a", MINUTE);

        lock.release(impostor(lease, "engine-b"));
        lock.release(new Lease("tenant-unknown", "engine-b", 1, lease.acquiredAt(), lease.expiresAt()));

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isEmpty();
        assertThat(lock.extend(lease, MINUTE)).isTrue();
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        Lease first = take("tenant-1", "engine-a", MINUTE);
        assertThat(lock.tryAcquire("tenant-2", "engine-b", MINUTE)).isPresent();

        lock.release(first);

        assertThat(lock.tryAcquire("tenant-2", "engine-c", MINUTE)).isEmpty();
    }

    @Test
    void everyTakeOfALeaseGetsALargerFenceThanAnyTakeBefore() {
        Lease first = take("tenant-1", "engine-a", MINUTE);
        letTimePass(Duration.ofMinutes(2));
        Lease afterExpiry = take("tenant-1", "engine-b", MINUTE);
        lock.release(afterExpiry);
        Lease afterRelease = take("tenant-1", "engine-a", MINUTE);
        Lease renewed = take("tenant-1", "engine-a", MINUTE);

        assertThat(List.of(first.fence(), afterExpiry.fence(), afterRelease.fence(), renewed.fence()))
                .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    }

    @Test
    void anOlderTakeOfTheSameHolderCannotExtendOrReleaseTheNewerOne() {
        Lease older = take("tenant-1", "engine-a", MINUTE);
        Lease newer = take("tenant-1", "engine-a", MINUTE);

        assertThat(lock.extend(older, MINUTE)).isFalse();
        lock.release(older);

        assertThat(lock.tryAcquire("tenant-1", "engine-b", MINUTE)).isEmpty();
        assertThat(lock.extend(newer, MINUTE)).isTrue();
    }

    @Test
    void exactlyOneOfManyConcurrentCallersTakesAFreeLease() throws Exception {
        for (int round = 0; round < 10; round++) {
            String name = "race-free-" + round;
            List<Boolean> results = race(i -> lock.tryAcquire(name, "engine-" + i, MINUTE).isPresent());
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
            List<Boolean> results = race(i -> lock.tryAcquire(name, "engine-" + i, MINUTE).isPresent());
            assertThat(results).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void concurrentHoldersNeverOverlapAndNeverShareAFence() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Set<Long> fences = ConcurrentHashMap.newKeySet();
        AtomicInteger taken = new AtomicInteger();
        race(i -> {
            for (int attempt = 0; attempt < 30; attempt++) {
                Optional<Lease> lease = lock.tryAcquire("shared", "engine-" + i, MINUTE);
                if (lease.isPresent()) {
                    if (holders.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    fences.add(lease.get().fence());
                    taken.incrementAndGet();
                    holders.decrementAndGet();
                    lock.release(lease.get());
                }
            }
            return true;
        });

        assertThat(overlaps).hasValue(0);
        assertThat(taken.get()).isPositive();
        assertThat(fences).hasSize(taken.get());
    }

    /** Takes a lease that must be free. */
    private Lease take(String name, String owner, Duration duration) {
        return lock.tryAcquire(name, owner, duration)
                .orElseThrow(() -> new AssertionError(owner + " could not take the lease " + name));
    }

    /** The same take claimed by another owner. */
    private static Lease impostor(Lease lease, String owner) {
        return new Lease(lease.name(), owner, lease.fence(), lease.acquiredAt(), lease.expiresAt());
    }

    private static <T> List<T> race(Concurrently.IndexedTask<T> task) throws Exception {
        return Concurrently.run(THREADS, task);
    }
}
