package io.github.sarisync.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Named leases: one holder per name at a time, across threads, engines and processes. The engine
 * takes a lease named after the tenant ({@link #tenantLeaseName}) before syncing it, extends it while it
 * runs and releases it at the end; an enrolment service built with the same lock drains the tenant's
 * outbox entries under the same lease, so one school's SARI account is used by one of them at a time.
 * A holder that dies loses its lease when it expires.
 *
 * <p>Implementations on a shared database take, extend and release a lease in one conditional
 * statement evaluated in the database's clock, so that the instances' clocks need not agree.
 * Every take gives the lease a new, larger {@link Lease#fence() fence}; the stores refuse writes
 * that carry a lease whose fence is no longer the current one (see {@link LeaseLostException}).
 */
public interface SyncLock {

    /**
     * Takes the lease {@code name} for {@code owner} for {@code duration}, if nobody else holds it
     * unexpired. Taking a lease one already holds renews it under a new fence (the earlier take's
     * writes are then refused).
     *
     * @return the lease, with its fence and times in the lock's clock; empty when another holder has it
     */
    Optional<Lease> tryAcquire(String name, String owner, Duration duration);

    /**
     * Extends a lease still held under this take to {@code duration} from now. Called by the engine
     * between the steps of a run (about every third of the lease).
     *
     * @return false when the lease has expired, was released or was taken again since
     */
    boolean extend(Lease lease, Duration duration);

    /** Releases a lease (by expiring it) when it is still held under this take; does nothing otherwise. */
    void release(Lease lease);

    /**
     * The name of a tenant's lease ({@code tenant:<id>}): the engine's syncs and the enrolment outbox's drains of
     * that tenant take it, and a host job that must not run alongside either may take it too.
     */
    static String tenantLeaseName(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
        return "tenant:" + tenantId;
    }
}
