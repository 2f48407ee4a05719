package io.github.sarisync.sync;

import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.testkit.contract.CourseStoreContract;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A host's store written before {@link CourseStore#findParts} existed (it implements only the other
 * methods) keeps the whole contract through the port's default.
 */
class DefaultFindPartsContractTest extends CourseStoreContract {

    private InMemorySyncLock lock;

    @Override
    protected CourseStore createStore() {
        lock = new InMemorySyncLock();
        return new WithoutFindParts(new InMemoryCourseStore(lock));
    }

    @Override
    protected SyncLock leaseLock() {
        return lock;
    }

    /** Every method but {@code findParts} (and {@code limits}) passed on. */
    private record WithoutFindParts(CourseStore delegate) implements CourseStore {
        @Override
        public CourseSnapshot load(String tenantId, CourseType type, Instant since) {
            return delegate.load(tenantId, type, since);
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
        public List<StoredCourse> findCourses(CourseQuery query) {
            return delegate.findCourses(query);
        }

        @Override
        public List<StoredMember> findMembers(String tenantId, long partId) {
            return delegate.findMembers(tenantId, partId);
        }
    }
}
