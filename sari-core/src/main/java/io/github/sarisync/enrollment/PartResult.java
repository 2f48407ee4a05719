package io.github.sarisync.enrollment;

import io.github.sarisync.spi.OutboxAction;

import java.util.Objects;

/**
 * The outcome for one course part.
 *
 * @param courseId      the SARI part id
 * @param action        what was asked for the part (in a transfer: ENROLL for the new parts, UNENROLL for the old)
 * @param outcome       what became of it
 * @param errorCode     the SARI error behind FAILED, QUEUED, NEEDS_MANUAL_ACTION or UNDO_FAILED, else null
 * @param outboxEntryId the outbox entry that tracks the part's change (the undo's entry for undone
 *                      parts), or null when none was written
 */
public record PartResult(long courseId, OutboxAction action, PartOutcome outcome, String errorCode,
                         String outboxEntryId) {
    public PartResult {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    PartResult with(PartOutcome newOutcome, String newErrorCode, String newEntryId) {
        return new PartResult(courseId, action, newOutcome, newErrorCode, newEntryId);
    }
}
