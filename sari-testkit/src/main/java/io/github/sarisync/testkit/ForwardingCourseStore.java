package io.github.sarisync.testkit;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.FieldLimits;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link CourseStore} that passes every call to another one, for tests that change one call of a
 * real store (stall its write, drop its lease, hide its limits) and keep the rest as they are.
 *
 * <pre>{@code
 * CourseStore stalling = new ForwardingCourseStore(jdbc.courseStore()) {
 *     public void apply(ChangeSet changes, Lease lease) {
 *         awaitGo();
 *         super.apply(changes, lease);
 *     }
 * };
 * }</pre>
 */
public class ForwardingCourseStore implements CourseStore {
    private final CourseStore delegate;

    public ForwardingCourseStore(CourseStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store every call goes to. */
    protected final CourseStore delegate() {
        return delegate;
    }

    @Override
    public CourseSnapshot load(String tenantId, CourseType type, Instant since) {
        return delegate.load(tenantId, type, since);
    }

    @Override
    public CourseSnapshot findParts(String tenantId, CourseType type, Collection<Long> partIds) {
        return delegate.findParts(tenantId, type, partIds);
    }

    @Override
    public Map<Long, Map<String, StoredMember>> loadMembers(String tenantId, Collection<Long> partIds) {
        return delegate.loadMembers(tenantId, partIds);
    }

    @Override
    public void apply(ChangeSet changes, Lease lease) {
        delegate.apply(changes, lease);
    }

    @Override
    public FieldLimits limits() {
        return delegate.limits();
    }

    @Override
    public List<StoredCourse> findCourses(CourseQuery query) {
        return delegate.findCourses(query);
    }

    @Override
    public List<StoredMember> findMembers(String tenantId, long partId) {
        return delegate.findMembers(tenantId, partId);
    }
}
