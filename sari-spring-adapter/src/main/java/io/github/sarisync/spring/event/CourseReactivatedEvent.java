package io.github.sarisync.spring.event;

import io.github.sarisync.sync.CourseChange;

/**
 * A part that was CANCELLED (or COMPLETED) is listed by SARI again and is ACTIVE again: tell the students
 * who heard "cancelled" that it is back on. {@code change.before()} holds the old status, {@code change.after()}
 * the part as listed now (its date may have moved: see {@code change.changed()}). Published on the engine's
 * worker thread after the change set was written.
 */
public record CourseReactivatedEvent(CourseChange change) {
    public String tenantId() {
        return change.tenantId();
    }
}
