package io.github.sarisync.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One getCourses answer, read tolerantly: the groups with every part that could be read, and the
 * parts (or groups) that were rejected with their reason.
 *
 * @param unreadablePartIds the ids of parts SARI lists but that could not be used: every rejected
 *                          part whose id could be read, and the readable ids in a rejected group.
 *                          SARI still lists them, so a sync keeps what it stored about them
 *                          instead of treating them as gone (completed or cancelled).
 */
public record CourseFeed(CourseType type, List<CourseGroup> groups, List<RejectedRecord> rejected,
                         Set<Long> unreadablePartIds) {
    public CourseFeed {
        groups = groups == null ? List.of() : List.copyOf(groups);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        Set<Long> ids = new LinkedHashSet<>(unreadablePartIds == null ? Set.of() : unreadablePartIds);
        rejected.stream().map(RejectedRecord::partId).filter(id -> id != null).forEach(ids::add);
        unreadablePartIds = Set.copyOf(ids);
    }

    /** A feed whose unreadable part ids are those of its rejected records. */
    public CourseFeed(CourseType type, List<CourseGroup> groups, List<RejectedRecord> rejected) {
        this(type, groups, rejected, Set.of());
    }

    /** The number of parts in all groups. */
    public int partCount() {
        return groups.stream().mapToInt(g -> g.courses().size()).sum();
    }
}
