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
 */
public record TenantSyncResult(String tenantId, String tenantName, String runId, SyncTrigger trigger,
                               SyncOutcome outcome, Map<CourseType, SyncCounts> counts, String errorCode,
                               String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt) {
    public TenantSyncResult {
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
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
