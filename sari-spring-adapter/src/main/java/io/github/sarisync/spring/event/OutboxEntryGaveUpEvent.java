package io.github.sarisync.spring.event;

import io.github.sarisync.enrollment.OutboxGiveUp;

/**
 * The enrolment outbox gave up on a registration change: the entry failed for good in an outbox run
 * ({@code giveUp.lastErrorCode()} says why), so the student's registration was NOT changed and someone
 * has to act. Carries the masked faberid only, never a name or birthdate. Published on the outbox
 * worker's thread once the entry's state is written.
 */
public record OutboxEntryGaveUpEvent(OutboxGiveUp giveUp) {
    public String tenantId() {
        return giveUp.tenantId();
    }
}
