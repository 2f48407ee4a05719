package io.github.sarisync.memory;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How an in-memory store fences its writes. With the {@link InMemorySyncLock} the engines use, a
 * write runs only while the writer's take of the lease is current ({@link InMemorySyncLock#whileHeld}).
 * Without a lock the store can still refuse a write whose fence is older than the newest it has
 * seen for that lease (a newer holder has written since); it cannot tell that a lease merely expired.
 * A write without a lease is never fenced.
 */
final class LeaseGuard {
    private final InMemorySyncLock lock;
    private final ConcurrentHashMap<String, Long> newestFence = new ConcurrentHashMap<>();

    LeaseGuard(InMemorySyncLock lock) {
        this.lock = lock;
    }

    <T> T write(Lease lease, String what, Supplier<T> write) {
        if (lease == null) {
            return write.get();
        }
        if (lock != null) {
            return lock.whileHeld(lease, what, write);
        }
        Object[] result = new Object[1];
        newestFence.compute(lease.name(), (name, newest) -> {
            if (newest != null && newest > lease.fence()) {
                throw new LeaseLostException(lease, what);
            }
            result[0] = write.get();
            return lease.fence();
        });
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    void write(Lease lease, String what, Runnable write) {
        write(lease, what, () -> {
            write.run();
            return null;
        });
    }
}
