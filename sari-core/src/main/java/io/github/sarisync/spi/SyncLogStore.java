package io.github.sarisync.spi;

import java.time.Instant;
import java.util.List;

/**
 * The run log ("sync logs"): one row per tenant run or enrolment operation, plus the
 * monitoring queries operators need.
 *
 * <p>The engine calls {@link #started} when a tenant run begins, {@link #heartbeat} while it runs,
 * and {@link #finished} at its end; {@link #markAbandoned} and (when a retention is set)
 * {@link #purge} once at the start of {@code syncAll}/{@code syncDue}. A failure of any of these
 * is logged by the engine and never fails or hides the sync itself. Thread-safe.
 */
public interface SyncLogStore {

    /** Records a run that has just started ({@code run.status()} is STARTED). */
    void started(SyncRun run);

    /** Records that a run is still alive. Unknown or finished runs are ignored. */
    void heartbeat(String runId, Instant at);

    /**
     * Records the final state of a run (inserting it when {@link #started} was never recorded).
     * The engine passes the tenant's lease when the run claims an outcome of its own (SUCCEEDED,
     * PARTIAL, FAILED): the row is written only while that take of the lease is still the current
     * one. A run whose lease was lost is then recorded again without a lease, as FAILED with
     * error code {@code LEASE_LOST}.
     *
     * @param lease the writer's lease, or null for an unfenced write
     * @throws LeaseLostException when {@code lease} is no longer held; nothing was written
     */
    void finished(SyncRun run, Lease lease);

    /** {@link #finished(SyncRun, Lease)} without a lease: an unfenced write. */
    default void finished(SyncRun run) {
        finished(run, null);
    }

    /**
     * Marks runs still STARTED whose heartbeat is older than {@code heartbeatBefore} as ABANDONED,
     * finished at {@code at}. Returns how many.
     */
    int markAbandoned(Instant heartbeatBefore, Instant at);

    /** Deletes finished runs that started before {@code startedBefore}. Returns how many. */
    int purge(Instant startedBefore);

    /** The newest runs first, at most {@code limit}; of one tenant, or of all when {@code tenantId} is null. */
    List<SyncRun> recentRuns(String tenantId, int limit);

    /** The newest run of each tenant that has one ("last sync per tenant"), ordered by tenant id. */
    List<SyncRun> lastRunPerTenant();

    /** Counts of finished runs per tenant that started at or after {@code since}, ordered by tenant id. */
    List<TenantRunStats> stats(Instant since);

    /** Runs still STARTED, oldest first. */
    List<SyncRun> runningRuns();
}
