package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseLocation;

import java.time.LocalDateTime;

/**
 * A course part to add to a simulated school: SARI's part id (unique in the whole simulator), its
 * name, its start in Swiss local time, where it takes place, its free places, whether it is
 * released (listed and bookable) and its registration deadline (null: the start).
 *
 * <pre>{@code
 * PartSpec part = PartSpec.of(61, "VKU Teil 1", LocalDateTime.of(2026, 5, 4, 18, 0), location, 12)
 *     .withDeadline(LocalDateTime.of(2026, 5, 1, 12, 0));
 * }</pre>
 */
public record PartSpec(long id, String name, LocalDateTime start, CourseLocation location, int freePlaces,
                       boolean released, LocalDateTime deadline) {
    public PartSpec {
        if (id <= 0) {
            throw new IllegalArgumentException("part id must be > 0, was " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("part " + id + ": name must not be blank");
        }
        if (start == null) {
            throw new IllegalArgumentException("part " + id + ": start must not be null");
        }
        if (location == null) {
            throw new IllegalArgumentException("part " + id + ": location must not be null");
        }
        if (freePlaces < 0) {
            throw new IllegalArgumentException("part " + id + ": freePlaces must be >= 0, was " + freePlaces);
        }
    }

    /** A released part without a deadline of its own. */
    public static PartSpec of(long id, String name, LocalDateTime start, CourseLocation location, int freePlaces) {
        return new PartSpec(id, name, start, location, freePlaces, true, null);
    }

    /** The same part, not released: not listed, and enrolment is refused. */
    public PartSpec unreleased() {
        return new PartSpec(id, name, start, location, freePlaces, false, deadline);
    }

    /** The same part with a registration deadline (Swiss local time). */
    public PartSpec withDeadline(LocalDateTime registrationDeadline) {
        return new PartSpec(id, name, start, location, freePlaces, released, registrationDeadline);
    }
}
