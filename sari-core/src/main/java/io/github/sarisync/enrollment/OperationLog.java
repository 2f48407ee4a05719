package io.github.sarisync.enrollment;

import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wraps a live enrolment operation in its run-log row: STARTED before, the outcome after, FAILED
 * when the operation throws. The detail names the course type, part ids and the masked faberid.
 */
final class OperationLog {
    private final RunLogWriter runLog;
    private final Clock clock;

    OperationLog(RunLogWriter runLog, Clock clock) {
        this.runLog = runLog;
        this.clock = clock;
    }

    EnrollmentResult record(EnrollmentOperation op, String tenantId, String faberId, List<CourseSelection.Part> parts,
                            Function<String, EnrollmentResult> body) {
        String operationId = UUID.randomUUID().toString();
        SyncRun run = SyncRun.started(operationId, tenantId, op.name(), SyncTrigger.MANUAL, clock.instant());
        runLog.started(run);
        String subject = parts.get(0).type() + " faberId " + FaberIds.mask(faberId);
        EnrollmentResult result;
        try {
            result = body.apply(operationId);
        } catch (RuntimeException e) {
            runLog.finished(run.finish(RunStatus.FAILED, clock.instant(), SyncCounts.ZERO,
                    e.getClass().getSimpleName(), "stopped by an unexpected error; pending parts stay in the outbox",
                    subject + ": parts " + parts.stream().map(CourseSelection.Part::id).toList()));
            throw e;
        }
        runLog.finished(run.finish(result.status().runStatus(), clock.instant(), counts(result), errorCode(result),
                message(result), subject + ": " + describe(result.parts())));
        return result;
    }

    private static SyncCounts counts(EnrollmentResult result) {
        int added = result.courseIds(PartOutcome.ENROLLED).size();
        int removed = result.courseIds(PartOutcome.UNENROLLED).size();
        return new SyncCounts(0, 0, 0, 0, 0, added, removed, 0);
    }

    private static String errorCode(EnrollmentResult result) {
        if (result.refusal() != null) {
            return result.refusal().reason().name();
        }
        if (result.errorCode() != null) {
            return result.errorCode();
        }
        return result.parts().stream().filter(p -> p.errorCode() != null).map(PartResult::errorCode).findFirst()
                .orElse(null);
    }

    private static String message(EnrollmentResult result) {
        if (result.refusal() != null) {
            return result.refusal().message();
        }
        if (result.errorCode() != null) {
            return "the student could not be looked up: " + result.errorCode();
        }
        return result.succeeded() ? null : result.status().name();
    }

    private static String describe(List<PartResult> parts) {
        return parts.stream().map(p -> p.courseId() + " " + p.action() + " " + p.outcome()
                        + (p.errorCode() == null ? "" : "(" + p.errorCode() + ")"))
                .collect(Collectors.joining(", "));
    }
}
