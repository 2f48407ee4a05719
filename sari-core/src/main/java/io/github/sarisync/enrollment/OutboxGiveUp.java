package io.github.sarisync.enrollment;

import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;

import java.time.Instant;
import java.util.Objects;

/**
 * An outbox entry that an outbox run gave up on: it reached FAILED_PERMANENTLY (refused for good, or out
 * of attempts) with nobody waiting for the answer, so the student's registration change was NOT made.
 * Carries no personal data: the faberid is masked and there is no name or birthdate.
 *
 * @param entryId       the outbox entry's id (to find it, retry or cancel it)
 * @param operationId   the enrolment operation that requested it
 * @param tenantId      the school
 * @param action        register or unregister
 * @param courseId      the SARI part id
 * @param maskedFaberId the student's faberid, masked as in the run log
 * @param attempts      SARI calls made for it
 * @param lastErrorCode the code of its last failed attempt, as stored (a SARI status or the library's own code)
 * @param requestedAt   when the change was requested
 * @param gaveUpAt      when the run gave up: the service's clock when the run that gave up tells it, the outbox
 *                      store's stamp ({@link OutboxEntry#gaveUpAt()}) when a later run tells it because the process
 *                      that gave up stopped first
 */
public record OutboxGiveUp(String entryId, String operationId, String tenantId, OutboxAction action, long courseId,
                           String maskedFaberId, int attempts, String lastErrorCode, Instant requestedAt,
                           Instant gaveUpAt) {
    public OutboxGiveUp {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(gaveUpAt, "gaveUpAt");
    }

    /** The view of an entry in its final state. */
    static OutboxGiveUp of(OutboxEntry entry, Instant now) {
        return new OutboxGiveUp(entry.id(), entry.operationId(), entry.tenantId(), entry.action(), entry.courseId(),
                FaberIds.mask(entry.faberId()), entry.attempts(), entry.lastErrorCode(), entry.createdAt(), now);
    }

    /**
     * The last error as a {@link SariErrorCode}: {@link SariErrorCode#UNKNOWN} for a code SARI does not define
     * (e.g. the library's {@code CLIENT_UNAVAILABLE}) or none. A fixed set, fit for metric tags.
     */
    public SariErrorCode errorCode() {
        return SariErrorCode.fromStatus(lastErrorCode);
    }
}
