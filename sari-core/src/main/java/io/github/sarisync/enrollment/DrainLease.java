package io.github.sarisync.enrollment;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.SyncLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's lease while an outbox run drains that tenant's entries: the same lease a sync of the tenant
 * takes ({@link SyncLock#tenantLeaseName}), so that a school's SARI account is never used by a sync and an
 * outbox drain at once, in this process or another. The run passes {@link #checkpoint()} before each SARI
 * call; once a third of the lease has passed in the service's clock the checkpoint extends it. A lease that
 * can no longer be extended was lost (the drain took longer than the lease and another holder took it, or the
 * lock could not be reached): from then on the checkpoint answers false and the run sends nothing more for
 * the tenant. The outbox writes themselves are guarded by the entries' claims, not by the lease.
 */
final class DrainLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrainLease.class);

    private final SyncLock lock;
    private final Lease lease;
    private final Duration duration;
    private final Duration extendEvery;
    private final Clock clock;
    private Instant extendedAt;
    private boolean lost;

    private DrainLease(SyncLock lock, Lease lease, Duration duration, Clock clock) {
        this.lock = lock;
        this.lease = lease;
        this.duration = duration;
        this.extendEvery = Duration.ofMillis(Math.max(1, duration.toMillis() / 3));
        this.clock = clock;
        this.extendedAt = clock.instant();
    }

    /** Takes the tenant's lease for {@code holderId}; empty when another holder (a sync, another drain) has it. */
    static Optional<DrainLease> take(SyncLock lock, String tenantId, String holderId, Duration duration, Clock clock) {
        return lock.tryAcquire(SyncLock.tenantLeaseName(tenantId), holderId, duration)
                .map(lease -> new DrainLease(lock, lease, duration, clock));
    }

    /** Whether the drain may still send for the tenant; extends the lease once a third of it has passed. */
    boolean checkpoint() {
        if (lost) {
            return false;
        }
        Instant now = clock.instant();
        if (Duration.between(extendedAt, now).compareTo(extendEvery) < 0) {
            return true;
        }
        boolean kept;
        try {
            kept = lock.extend(lease, duration);
        } catch (RuntimeException e) {
            // not knowing whether we still hold it, we act as if we did not: the entries wait for a later run
            LOG.warn("outbox: extending the lease {} failed: {}", lease.name(), e.toString());
            kept = false;
        }
        if (!kept) {
            lost = true;
            LOG.warn("outbox: the lease {} (fence {}) was lost; the run stops sending for this tenant",
                    lease.name(), lease.fence());
            return false;
        }
        extendedAt = now;
        return true;
    }

    /** Releases the lease (a lost lease is left to its new holder: the lock releases only this take). */
    @Override
    public void close() {
        try {
            lock.release(lease);
        } catch (RuntimeException e) {
            LOG.warn("outbox: releasing the lease {} failed (it expires by itself): {}", lease.name(), e.toString());
        }
    }
}
