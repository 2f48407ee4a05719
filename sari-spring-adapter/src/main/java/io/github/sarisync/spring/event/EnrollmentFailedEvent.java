package io.github.sarisync.spring.event;

import io.github.sarisync.enrollment.EnrollmentFailure;

/**
 * A live enrolment operation (enrol, unenrol, transfer) ended PARTIAL, ROLLED_BACK, FAILED or UNDO_FAILED:
 * {@code failure.result()} says which part failed with which SARI code. Carries the masked faberid only,
 * never a name or birthdate. Published on the caller's thread once the operation's run-log row is written.
 */
public record EnrollmentFailedEvent(EnrollmentFailure failure) {
    public String tenantId() {
        return failure.tenantId();
    }
}
