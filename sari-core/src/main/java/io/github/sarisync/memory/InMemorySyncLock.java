package io.github.sarisync.memory;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import io.github.sarisync.spi.SyncLock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link SyncLock} in memory: leases shared by every engine of this process (one instance
 * passed to several engines), evaluated in the given clock. Not shared across processes: hosts
 * running several instances use a database lock. Thread-safe; each call is atomic per name.
 *
 * <p>A released or expired lease keeps its fence, so the next take gets a larger one. The in-memory
 * stores built with this lock ({@code new InMemoryCourseStore(lock)}, ...) check a writer's lease
 * through {@link #whileHeld}, atomically with their write.
 */
public final class InMemorySyncLock implements SyncLock {
    private record Held(String owner, long fence, Instant acquiredAt, Instant expiresAt) {
        boolean isTake(Lease lease) {
            return owner.equals(lease.owner()) && fence == lease.fence();
        }
    }

    private final ConcurrentHashMap<String, Held> leases = new ConcurrentHashMap<>();
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
    public Optional<Lease> tryAcquire(String name, String owner, Duration duration) {
        check(name, owner, duration);
        Lease[] taken = {null};
        leases.compute(name, (n, held) -> {
            Instant now = clock.instant();
            if (held == null || held.owner().equals(owner) || !held.expiresAt().isAfter(now)) {
                Held mine = new Held(owner, held == null ? 1 : held.fence() + 1, now, now.plus(duration));
                taken[0] = new Lease(name, owner, mine.fence(), mine.acquiredAt(), mine.expiresAt());
                return mine;
            }
            return held;
        });
        return Optional.ofNullable(taken[0]);
    }

    @Override
    public boolean extend(Lease lease, Duration duration) {
        Objects.requireNonNull(lease, "lease");
        check(lease.name(), lease.owner(), duration);
        boolean[] extended = {false};
        leases.computeIfPresent(lease.name(), (n, held) -> {
            Instant now = clock.instant();
            if (held.isTake(lease) && held.expiresAt().isAfter(now)) {
                extended[0] = true;
                return new Held(held.owner(), held.fence(), held.acquiredAt(), now.plus(duration));
            }
            return held;
        });
        return extended[0];
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        leases.computeIfPresent(lease.name(), (n, held) -> {
            Instant now = clock.instant();
            return held.isTake(lease) && held.expiresAt().isAfter(now)
                    ? new Held(held.owner(), held.fence(), held.acquiredAt(), now) : held;
        });
    }

    /**
     * Runs {@code write} while {@code lease} is held under its take, atomically: no other caller
     * can take the lease while the write runs. The write must not call this lock.
     *
     * @param what names the write for the exception's message
     * @throws LeaseLostException when the lease expired, was released or taken again; {@code write} did not run
     */
    public <T> T whileHeld(Lease lease, String what, Supplier<T> write) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(write, "write");
        Object[] result = new Object[1];
        boolean[] held = {false};
        leases.computeIfPresent(lease.name(), (n, current) -> {
            if (current.isTake(lease) && current.expiresAt().isAfter(clock.instant())) {
                held[0] = true;
                result[0] = write.get();
            }
            return current;
        });
        if (!held[0]) {
            throw new LeaseLostException(lease, what);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static void check(String name, String owner, Duration duration) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("lease name must not be blank");
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("lease owner must not be blank");
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("lease duration must be > 0, was " + duration);
        }
    }
}
