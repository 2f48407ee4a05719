package io.github.sarisync.model;

import java.util.List;

/**
 * One getCourses answer, read tolerantly: the groups with every part that could be read, and the
 * parts (or groups) that were rejected with their reason.
 */
public record CourseFeed(CourseType type, List<CourseGroup> groups, List<RejectedRecord> rejected) {
    public CourseFeed {
        groups = groups == null ? List.of() : List.copyOf(groups);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** The number of parts in all groups. */
    public int partCount() {
        return groups.stream().mapToInt(g -> g.courses().size()).sum();
    }
}
