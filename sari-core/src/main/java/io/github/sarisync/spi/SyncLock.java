package io.github.sarisync.spi;

import java.time.Duration;

/**
 * Named leases: one holder per name at a time, across threads, engines and processes. The engine
 * takes a lease named after the tenant before syncing it, extends it while it runs and releases
 * it at the end. A holder that dies loses its lease when it expires.
 *
 * <p>Implementations on a shared database take, extend and release a lease in one conditional
 * statement evaluated in the database's clock, so that the instances' clocks need not agree.
 */
public interface SyncLock {

    /**
     * Takes the lease {@code name} for {@code owner} for {@code lease}, if nobody else holds it
     * unexpired. Taking a lease one already holds renews it.
     *
     * @return true when {@code owner} now holds it
     */
    boolean tryAcquire(String name, String owner, Duration lease);

    /**
     * Extends a lease {@code owner} still holds to {@code lease} from now.
     *
     * @return false when the lease has expired and someone else has it, or it is gone
     */
    boolean extend(String name, String owner, Duration lease);

    /** Releases a lease {@code owner} holds (by expiring it); does nothing otherwise. */
    void release(String name, String owner);
}
