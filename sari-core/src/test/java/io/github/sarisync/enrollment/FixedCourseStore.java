package io.github.sarisync.enrollment;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A read-only course store over fixed rows: what the enrolment service reads of a store. */
final class FixedCourseStore implements CourseStore {
    private final List<StoredCourse> courses;
    private final List<StoredMember> members;

    FixedCourseStore(List<StoredCourse> courses, List<StoredMember> members) {
        this.courses = List.copyOf(courses);
        this.members = List.copyOf(members);
    }

    @Override
    public CourseSnapshot load(String tenantId, CourseType type, Instant since) {
        throw new UnsupportedOperationException("the enrolment service never loads snapshots");
    }

    @Override
    public Map<Long, Map<String, StoredMember>> loadMembers(String tenantId, Collection<Long> partIds) {
        throw new UnsupportedOperationException("the enrolment service never loads member maps");
    }

    @Override
    public void apply(ChangeSet changes, io.github.sarisync.spi.Lease lease) {
        throw new UnsupportedOperationException("the enrolment service never writes courses");
    }

    @Override
    public List<StoredCourse> findCourses(CourseQuery query) {
        return courses.stream()
                .filter(c -> query.tenantId() == null || query.tenantId().equals(c.tenantId()))
                .filter(c -> query.type() == null || query.type() == c.type())
                .filter(c -> query.status() == null || query.status() == c.status())
                .sorted(Comparator.comparing(StoredCourse::startsAt).thenComparing(StoredCourse::partId))
                .limit(query.limit()).toList();
    }

    @Override
    public List<StoredMember> findMembers(String tenantId, long partId) {
        return members.stream().filter(m -> m.tenantId().equals(tenantId) && m.partId() == partId).toList();
    }
}
