package io.github.sarisync.memory;

import io.github.sarisync.spi.SyncLock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SyncLock} in memory: leases shared by every engine of this process (one instance
 * passed to several engines), evaluated in the given clock. Not shared across processes: hosts
 * running several instances use a database lock. Thread-safe; each call is atomic per name.
 */
public final class InMemorySyncLock implements SyncLock {
    private record Lease(String owner, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Leases evaluated in the system clock. */
    public InMemorySyncLock() {
        this(Clock.systemUTC());
    }

    /** Leases evaluated in {@code clock} (a test clock lets leases expire without waiting). */
    public InMemorySyncLock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean tryAcquire(String name, String owner, Duration lease) {
        check(name, owner, lease);
        Lease mine = new Lease(owner, clock.instant().plus(lease));
        Lease result = leases.compute(name, (n, held) -> {
            if (held == null || held.owner().equals(owner) || !held.expiresAt().isAfter(clock.instant())) {
                return mine;
            }
            return held;
        });
        return result == mine;
    }

    @Override
    public boolean extend(String name, String owner, Duration lease) {
        check(name, owner, lease);
        Lease mine = new Lease(owner, clock.instant().plus(lease));
        return leases.computeIfPresent(name, (n, held) -> held.owner().equals(owner) ? mine : held) == mine;
    }

    @Override
    public void release(String name, String owner) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        leases.computeIfPresent(name, (n, held) -> held.owner().equals(owner) ? null : held);
    }

    private static void check(String name, String owner, Duration lease) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("lease name must not be blank");
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("lease owner must not be blank");
        }
        if (lease == null || lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease duration must be > 0, was " + lease);
        }
    }
}
