package io.github.sarisync.testkit.contract;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.SyncLock;

import java.time.Duration;

import static org.assertj.core.api.Assumptions.assumeThat;

/** What the store contracts' fencing cases share: the lock to fence against, and a lease lost to another holder. */
final class FencingLeases {
    private FencingLeases() {
    }

    /** The contract's lock; the fencing case is skipped when the store under test does not fence (null). */
    static SyncLock require(SyncLock lock) {
        assumeThat(lock).as("the store under test fences its writes").isNotNull();
        return lock;
    }

    /** A lease the writer held and lost: released, then taken by another holder. */
    static Lease lost(SyncLock lock, String name) {
        Lease lost = lock.tryAcquire(name, "engine-a", Duration.ofMinutes(1)).orElseThrow();
        lock.release(lost);
        lock.tryAcquire(name, "engine-b", Duration.ofMinutes(1)).orElseThrow();
        return lost;
    }
}
