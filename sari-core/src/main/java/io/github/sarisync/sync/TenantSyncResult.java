package io.github.sarisync.sync;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of one tenant's run.
 *
 * @param counts       per course type synced; a type that was not synced (failed, skipped, not
 *                     enabled for the school) has no entry
 * @param errorCode    for FAILED (and SKIPPED): a {@code SariErrorCode} name, {@code STORE_ERROR},
 *                     {@code CREDENTIALS}, {@code LOCKED}, ...; null otherwise
 * @param errorMessage what went wrong, naming the call; never a secret
 * @param warnings     why a run is PARTIAL (empty-feed guard, rejected records, ...)
 * @param startedAt    when the run had taken the tenant's lease, in the engine's clock (when it was not run: when
 *                     it was considered); its run-log row starts at the lock's acquisition time, in the lock's clock
 * @param refusedWrites writes the stores refused because the run had lost its lease to a newer holder (the run is
 *                     then FAILED with {@code LEASE_LOST}); 0 normally
 */
public record TenantSyncResult(String tenantId, String tenantName, String runId, SyncTrigger trigger,
                               SyncOutcome outcome, Map<CourseType, SyncCounts> counts, String errorCode,
                               String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt,
                               int refusedWrites) {
    /** The error code of a tenant skipped because another instance holds its lease. */
    public static final String LOCKED = "LOCKED";
    /**
     * The error code of a tenant {@code syncDue} planned but skipped once its lease was taken, because
     * another instance synced it meanwhile (no run-log row was written).
     */
    public static final String NOT_DUE = "NOT_DUE";
    /** The error code of a run that lost its lease to a newer holder. */
    public static final String LEASE_LOST = "LEASE_LOST";

    public TenantSyncResult {
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
        if (refusedWrites < 0) {
            throw new IllegalArgumentException("refusedWrites must be >= 0, was " + refusedWrites);
        }
    }

    /** A result without refused writes. */
    public TenantSyncResult(String tenantId, String tenantName, String runId, SyncTrigger trigger,
                            SyncOutcome outcome, Map<CourseType, SyncCounts> counts, String errorCode,
                            String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt) {
        this(tenantId, tenantName, runId, trigger, outcome, counts, errorCode, errorMessage, warnings, startedAt,
                finishedAt, 0);
    }

    /** This result with {@code count} refused writes. */
    public TenantSyncResult withRefusedWrites(int count) {
        return new TenantSyncResult(tenantId, tenantName, runId, trigger, outcome, counts, errorCode, errorMessage,
                warnings, startedAt, finishedAt, count);
    }

    /** True when the tenant was SKIPPED because another instance holds its lease (no run-log row was written). */
    public boolean skippedLocked() {
        return outcome == SyncOutcome.SKIPPED && LOCKED.equals(errorCode);
    }

    /** Counts summed over the course types. */
    public SyncCounts total() {
        return counts.values().stream().reduce(SyncCounts.ZERO, SyncCounts::plus);
    }

    public SyncCounts counts(CourseType type) {
        return counts.getOrDefault(type, SyncCounts.ZERO);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
