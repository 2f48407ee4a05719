package io.github.sarisync.model;

import java.util.List;

/**
 * One getCourseDetail answer, read tolerantly: the members that could be read, and how many member
 * records could not be (not an object, no faberid). While any could not, a stored member missing
 * from {@code members} may be one of them: a sync then marks nobody of the part removed.
 *
 * @param unreadableMembers member records left out because they could not be read
 */
public record CourseDetail(long courseId, List<CourseMember> members, int unreadableMembers) {
    public CourseDetail {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
