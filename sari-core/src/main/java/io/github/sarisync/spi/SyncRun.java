package io.github.sarisync.spi;

import java.time.Instant;

/**
 * One entry of the run log ("sync logs"): one run for one tenant, or one enrolment operation.
 * Never contains a secret, a name or a birthdate; faberids only masked.
 *
 * @param runId        unique, made by the engine
 * @param operation    {@code SYNC} for course syncs; {@code ENROLL}, {@code UNENROLL}, {@code TRANSFER} for enrolments
 * @param detail       free text: course types synced, warnings, the course and masked faberid of an enrolment
 */
public record SyncRun(String runId, String tenantId, String operation, SyncTrigger trigger, RunStatus status,
                      Instant startedAt, Instant heartbeatAt, Instant finishedAt, SyncCounts counts,
                      String errorCode, String errorMessage, String detail) {
    public static final String SYNC = "SYNC";

    public SyncRun {
        counts = counts == null ? SyncCounts.ZERO : counts;
    }

    /** A run that has just started. */
    public static SyncRun started(String runId, String tenantId, String operation, SyncTrigger trigger, Instant at) {
        return new SyncRun(runId, tenantId, operation, trigger, RunStatus.STARTED, at, at, null, SyncCounts.ZERO,
                null, null, null);
    }

    /** This run finished with the given outcome. */
    public SyncRun finish(RunStatus finalStatus, Instant at, SyncCounts finalCounts, String code, String message,
                          String finalDetail) {
        return new SyncRun(runId, tenantId, operation, trigger, finalStatus, startedAt, at, at, finalCounts, code,
                message, finalDetail);
    }
}
