package io.github.sarisync.model;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One dated part of a course group (for example "VKU Teil 1"). {@code id} is SARI's part id,
 * unique and stable; {@code startsAt} is in Europe/Zurich. SARI publishes no end time.
 */
public record Course(long id, String name, ZonedDateTime startsAt, CourseLocation location, int freePlaces) {
    public Course {
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
