package io.github.sarisync.spi;

import io.github.sarisync.model.CourseType;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What is stored for one tenant and course type, as the engine needs it to compute a change
 * set: every part that is ACTIVE or starts at or after the {@code since} given to
 * {@link CourseStore#load}, keyed by part id, and the groups they belong to, keyed by group key.
 * ({@link CourseStore#findParts} answers in the same shape for the parts it was asked for.)
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

    /** The parts with one of these ids, and the groups of those parts. */
    public CourseSnapshot only(Collection<Long> partIds) {
        Set<Long> wanted = Set.copyOf(partIds);
        Map<Long, StoredCourse> kept = new HashMap<>();
        Map<String, StoredGroup> keptGroups = new HashMap<>();
        parts.forEach((id, part) -> {
            if (wanted.contains(id)) {
                kept.put(id, part);
                StoredGroup group = part.groupKey() == null ? null : groups.get(part.groupKey());
                if (group != null) {
                    keptGroups.put(group.groupKey(), group);
                }
            }
        });
        return new CourseSnapshot(tenantId, type, kept, keptGroups);
    }

    /**
     * This snapshot with the parts and groups of {@code more} added; where both hold a part or group,
     * this snapshot's is kept.
     *
     * @throws IllegalArgumentException when {@code more} is of another tenant or type
     */
    public CourseSnapshot plus(CourseSnapshot more) {
        if (!Objects.equals(tenantId, more.tenantId()) || type != more.type()) {
            throw new IllegalArgumentException("snapshot of tenant " + more.tenantId() + " " + more.type()
                    + " cannot be added to one of tenant " + tenantId + " " + type);
        }
        if (more.parts().isEmpty() && more.groups().isEmpty()) {
            return this;
        }
        Map<Long, StoredCourse> allParts = new HashMap<>(more.parts());
        allParts.putAll(parts);
        Map<String, StoredGroup> allGroups = new HashMap<>(more.groups());
        allGroups.putAll(groups);
        return new CourseSnapshot(tenantId, type, allParts, allGroups);
    }
}
