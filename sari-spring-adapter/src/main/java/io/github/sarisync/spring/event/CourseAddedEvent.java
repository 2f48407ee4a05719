package io.github.sarisync.spring.event;

import io.github.sarisync.spi.StoredCourse;

/**
 * A course part was seen for the first time and has been stored. Published on the engine's worker
 * thread after the tenant's change set was written; a listener that throws is logged, never fails
 * the sync. Listen with {@code @EventListener}.
 */
public record CourseAddedEvent(StoredCourse course) {
}
