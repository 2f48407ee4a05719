package io.github.sarisync.internal.sync;

import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A tenant's lease while its run goes on. The run passes {@link #checkpoint()} between its steps
 * (before each course list, between course details, before writing); once a third of the lease
 * has passed since the last extension, the checkpoint extends the lease and writes the run's
 * heartbeat. A lease that cannot be extended was lost (the run took longer than the lease and
 * another instance took over): the checkpoint then stops the run before it writes anything more.
 */
final class TenantLease {
    private static final Logger LOG = SyncLogging.logger("lease");

    private final SyncLock lock;
    private final SyncLogStore log;
    private final Clock clock;
    private final String name;
    private final String owner;
    private final Duration duration;
    private final Duration extendEvery;
    private final String runId;
    private Instant extendedAt;

    TenantLease(SyncLock lock, SyncLogStore log, Clock clock, String tenantId, String owner, Duration duration,
                String runId) {
        this.lock = lock;
        this.log = log;
        this.clock = clock;
        this.name = name(tenantId);
        this.owner = owner;
        this.duration = duration;
        this.extendEvery = Duration.ofMillis(duration.toMillis() / 3);
        this.runId = runId;
    }

    static String name(String tenantId) {
        return "tenant:" + tenantId;
    }

    /** Takes the lease; false when another holder has it. */
    boolean acquire() {
        Instant now = clock.instant();
        boolean taken = TenantFailure.store("syncLock.tryAcquire", () -> lock.tryAcquire(name, owner, duration));
        if (taken) {
            extendedAt = now;
        }
        return taken;
    }

    /** Extends the lease and writes a heartbeat when a third of the lease has passed. */
    void checkpoint() {
        Instant now = clock.instant();
        if (Duration.between(extendedAt, now).compareTo(extendEvery) < 0) {
            return;
        }
        boolean kept = TenantFailure.store("syncLock.extend", () -> lock.extend(name, owner, duration));
        if (!kept) {
            throw new TenantFailure("LEASE_LOST", "the lease " + name + " expired and was taken over; the run stopped"
                    + " before writing further", null);
        }
        extendedAt = now;
        try {
            log.heartbeat(runId, now);
        } catch (RuntimeException e) {
            LOG.warn("syncLogStore.heartbeat failed: {}", TenantFailure.describe(e));
        }
    }

    void release() {
        try {
            lock.release(name, owner);
        } catch (RuntimeException e) {
            LOG.warn("syncLock.release of {} failed (the lease expires by itself): {}", name,
                    TenantFailure.describe(e));
        }
    }
}
