package io.github.sarisync.internal.sync;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A tenant's lease while its run goes on. The run passes {@link #checkpoint()} between its steps
 * (before each course list, between course details, before writing); once a third of the lease
 * has passed since the last extension, the checkpoint extends the lease and writes the run's
 * heartbeat. A lease that cannot be extended was lost (the run took longer than the lease and
 * another instance took over): the checkpoint then stops the run before it writes anything more.
 *
 * <p>Checkpoints cannot see a pause between the last checkpoint and a write (a GC pause, a stalled
 * connection), so every write of the run carries the lease ({@link #fenced}) and the store refuses
 * it when a newer take exists; each refusal is counted.
 */
final class TenantLease {
    static final String LOST = "LEASE_LOST";
    private static final Logger LOG = SyncLogging.logger("lease");

    private final SyncLock lock;
    private final SyncLogStore log;
    private final Clock clock;
    private final String name;
    private final String owner;
    private final Duration duration;
    private final Duration extendEvery;
    private final String runId;
    private final Consumer<String> onRefused;
    private Lease lease;
    private Instant takenAt;
    private Instant extendedAt;
    private int refused;

    /** @param onRefused hears the name of each write the store refused for a lost lease */
    TenantLease(SyncLock lock, SyncLogStore log, Clock clock, String tenantId, String owner, Duration duration,
                String runId, Consumer<String> onRefused) {
        this.lock = lock;
        this.log = log;
        this.clock = clock;
        this.name = name(tenantId);
        this.owner = owner;
        this.duration = duration;
        this.extendEvery = Duration.ofMillis(duration.toMillis() / 3);
        this.runId = runId;
        this.onRefused = onRefused;
    }

    static String name(String tenantId) {
        return SyncLock.tenantLeaseName(tenantId);
    }

    /** Takes the lease; false when another holder has it. */
    boolean acquire() {
        Optional<Lease> taken = TenantFailure.store("syncLock.tryAcquire",
                () -> lock.tryAcquire(name, owner, duration));
        if (taken.isPresent()) {
            // read after the take: a slow lock statement is time before the run, not in it
            lease = taken.get();
            takenAt = clock.instant();
            extendedAt = takenAt;
        }
        return taken.isPresent();
    }

    /** When the lease was taken, in the lock's clock (the database's for a database lock). */
    Instant acquiredAt() {
        return lease.acquiredAt();
    }

    /** When the lease was taken (read once the lock answered), in the engine's clock (the schedule's). */
    Instant takenAtEngineClock() {
        return takenAt;
    }

    /** The lease as taken; the run's writes carry it. */
    Lease lease() {
        return lease;
    }

    /** Writes the store refused because this lease was lost. */
    int refused() {
        return refused;
    }

    /** Extends the lease and writes a heartbeat when a third of the lease has passed. */
    void checkpoint() {
        Instant now = clock.instant();
        if (Duration.between(extendedAt, now).compareTo(extendEvery) < 0) {
            return;
        }
        boolean kept = TenantFailure.store("syncLock.extend", () -> lock.extend(lease, duration));
        if (!kept) {
            throw lost("the lease " + name + " expired and was taken over; the run stopped before writing further");
        }
        extendedAt = now;
        try {
            log.heartbeat(runId, now);
        } catch (RuntimeException e) {
            LOG.warn("syncLogStore.heartbeat failed: {}", TenantFailure.describe(e));
        }
    }

    /**
     * Runs a store write that carries the lease. A refusal (the lease was lost) is counted and
     * stops the run with {@code LEASE_LOST}; any other failure is a {@code STORE_ERROR} naming the call.
     */
    void fenced(String call, Runnable write) {
        try {
            TenantFailure.store(call, write);
        } catch (TenantFailure e) {
            if (e.getCause() instanceof LeaseLostException refusal) {
                refused++;
                onRefused.accept(call);
                LOG.warn("{} refused: {}", call, refusal.getMessage());
                throw lost(call + " was refused: the lease " + name + " (fence " + lease.fence()
                        + ") was lost to a newer holder; nothing of it was written");
            }
            throw e;
        }
    }

    void release() {
        try {
            lock.release(lease);
        } catch (RuntimeException e) {
            LOG.warn("syncLock.release of {} failed (the lease expires by itself): {}", name,
                    TenantFailure.describe(e));
        }
    }

    static boolean isLost(TenantFailure failure) {
        return LOST.equals(failure.code());
    }

    private static TenantFailure lost(String message) {
        return new TenantFailure(LOST, message, null);
    }
}
