package io.github.sarisync.enrollment;

import io.github.sarisync.model.FaberIds;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A live enrolment operation that ended without doing what was asked, as told to an
 * {@link EnrollmentListener}. Carries no personal data: the result has none, the faberid is masked.
 *
 * @param result        the operation's result, as the caller got it (which part failed, with which SARI code)
 * @param maskedFaberId the student's faberid, masked as in the run log
 * @param at            when the operation ended (the service's clock)
 */
public record EnrollmentFailure(EnrollmentResult result, String maskedFaberId, Instant at) {
    /** The outcomes that are told: a SARI call failed and nothing will retry it. */
    static final Set<EnrollmentStatus> TOLD = EnumSet.of(EnrollmentStatus.PARTIAL, EnrollmentStatus.ROLLED_BACK,
            EnrollmentStatus.FAILED, EnrollmentStatus.UNDO_FAILED);

    public EnrollmentFailure {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
    }

    static EnrollmentFailure of(EnrollmentResult result, String faberId, Instant at) {
        return new EnrollmentFailure(result, FaberIds.mask(faberId), at);
    }

    public String operationId() {
        return result.operationId();
    }

    public EnrollmentOperation operation() {
        return result.operation();
    }

    public String tenantId() {
        return result.tenantId();
    }

    public EnrollmentStatus status() {
        return result.status();
    }
}
