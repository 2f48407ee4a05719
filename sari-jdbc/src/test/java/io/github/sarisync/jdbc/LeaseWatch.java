package io.github.sarisync.jdbc;

import io.github.sarisync.spi.SyncLock;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the leases several engines take through their own locks: counts, per lease name, the
 * holders between a successful {@code tryAcquire} and the {@code release} that ends it, and
 * records every moment two held the same name at once.
 */
final class LeaseWatch {
    private final Map<String, AtomicInteger> holders = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();

    /** {@code lock} as an engine should see it, reporting to this watch. */
    SyncLock watch(SyncLock lock) {
        return new SyncLock() {
            @Override
            public boolean tryAcquire(String name, String owner, Duration lease) {
                boolean acquired = lock.tryAcquire(name, owner, lease);
                if (acquired) {
                    taken.incrementAndGet();
                    if (holders.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                }
                return acquired;
            }

            @Override
            public boolean extend(String name, String owner, Duration lease) {
                return lock.extend(name, owner, lease);
            }

            @Override
            public void release(String name, String owner) {
                // counted down before the database frees the lease, so the next holder never sees it held
                holders.computeIfAbsent(name, n -> new AtomicInteger()).decrementAndGet();
                lock.release(name, owner);
            }
        };
    }

    /** How often a lease was held by two at the same time. */
    int overlaps() {
        return overlaps.get();
    }

    /** How many leases were taken in all. */
    int taken() {
        return taken.get();
    }
}
