package io.github.sarisync.spi;

import io.github.sarisync.model.CourseType;

import java.util.Map;

/**
 * What is stored for one tenant and course type, as the engine needs it to compute a change
 * set: every part that is ACTIVE or starts at or after the {@code since} given to
 * {@link CourseStore#load}, keyed by part id, and the groups they belong to, keyed by group key.
 */
public record CourseSnapshot(String tenantId, CourseType type, Map<Long, StoredCourse> parts,
                             Map<String, StoredGroup> groups) {
    public CourseSnapshot {
        parts = Map.copyOf(parts);
        groups = Map.copyOf(groups);
    }

    public static CourseSnapshot empty(String tenantId, CourseType type) {
        return new CourseSnapshot(tenantId, type, Map.of(), Map.of());
    }
}
