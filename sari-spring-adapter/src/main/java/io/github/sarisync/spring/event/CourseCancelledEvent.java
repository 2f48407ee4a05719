package io.github.sarisync.spring.event;

import io.github.sarisync.spi.StoredCourse;

/**
 * A future course part left SARI's list and was marked CANCELLED (e.g. to tell the students who
 * were booked). Published on the engine's worker thread after the change set was written.
 */
public record CourseCancelledEvent(StoredCourse course) {
}
