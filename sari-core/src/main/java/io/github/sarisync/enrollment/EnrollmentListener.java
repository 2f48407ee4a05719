package io.github.sarisync.enrollment;

/**
 * Told when a live enrolment operation ({@code enroll}, {@code unenroll}, {@code transfer}) ends without
 * doing what was asked because a SARI call failed: status {@link EnrollmentStatus#PARTIAL},
 * {@link EnrollmentStatus#ROLLED_BACK}, {@link EnrollmentStatus#FAILED} or {@link EnrollmentStatus#UNDO_FAILED}.
 * The caller gets the same {@link EnrollmentResult}; this lets other parts of the host (alerts, a
 * dashboard, the students' office) hear of it too. Not told: SUCCEEDED; PENDING (the outbox carries on,
 * and a give-up is told to the {@link OutboxListener}); REFUSED (licence or unknown student, decided
 * before any registration call: an answer, not a fault).
 *
 * <p>Called on the caller's thread once per such operation, after its run-log row was written. A listener
 * that throws is logged at WARN and ignored; keep it short.
 *
 * <pre>{@code
 * EnrollmentService.builder()...enrollmentListener(f -> alerts.send(f.tenantId() + ": " + f.status()))
 * }</pre>
 */
@FunctionalInterface
public interface EnrollmentListener {
    /** An operation ended PARTIAL, ROLLED_BACK, FAILED or UNDO_FAILED. */
    void operationFailed(EnrollmentFailure failure);
}
