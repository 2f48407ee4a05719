package io.github.sarisync.enrollment;

import io.github.sarisync.spi.OutboxAction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an enrolment operation did, part by part. Contains no personal data.
 *
 * @param operationId the operation's id: its run-log id, and the {@code operationId} of its outbox entries
 * @param operation   enrol, unenrol or transfer
 * @param tenantId    the tenant
 * @param status      the overall outcome
 * @param parts       one result per part asked for, in the order they were handled (a transfer: new parts first)
 * @param refusal     why it was refused (status REFUSED), else null
 * @param errorCode   the SARI error that stopped the operation before any part (e.g. the student
 *                    lookup failed), or null
 */
public record EnrollmentResult(String operationId, EnrollmentOperation operation, String tenantId,
                               EnrollmentStatus status, List<PartResult> parts, Refusal refusal, String errorCode) {
    public EnrollmentResult {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** True when every part is in the state asked for. */
    public boolean succeeded() {
        return status == EnrollmentStatus.SUCCEEDED;
    }

    /** The result for a part and action. */
    public Optional<PartResult> part(long courseId, OutboxAction action) {
        return parts.stream().filter(p -> p.courseId() == courseId && p.action() == action).findFirst();
    }

    /** The result for a part (a transfer never names a part twice). */
    public Optional<PartResult> part(long courseId) {
        return parts.stream().filter(p -> p.courseId() == courseId).findFirst();
    }

    /** The ids of the parts with this outcome, in order. */
    public List<Long> courseIds(PartOutcome outcome) {
        return parts.stream().filter(p -> p.outcome() == outcome).map(PartResult::courseId).toList();
    }

    /** The parts that only the SARI portal can change (confirmed registrations). */
    public List<Long> needsManualAction() {
        return courseIds(PartOutcome.NEEDS_MANUAL_ACTION);
    }
}
