package io.github.sarisync.spi;

import io.github.sarisync.model.CourseType;

/**
 * A filter for {@link CourseStore#findCourses(CourseQuery)}; null fields match everything.
 * Results are ordered by start, then part id, and cut at {@code limit}.
 */
public record CourseQuery(String tenantId, CourseType type, CourseStatus status, int limit) {
    public CourseQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
    }

    public static CourseQuery tenant(String tenantId) {
        return new CourseQuery(tenantId, null, null, 10_000);
    }

    public CourseQuery withType(CourseType value) {
        return new CourseQuery(tenantId, value, status, limit);
    }

    public CourseQuery withStatus(CourseStatus value) {
        return new CourseQuery(tenantId, type, value, limit);
    }

    public CourseQuery withLimit(int value) {
        return new CourseQuery(tenantId, type, status, value);
    }
}
