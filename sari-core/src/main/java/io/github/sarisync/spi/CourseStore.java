package io.github.sarisync.spi;

import io.github.sarisync.model.CourseType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the synced courses, groups and members are kept.
 *
 * <p>Per tenant and course type the engine calls {@link #load} once, then (when SARI's course
 * details were fetched) {@link #loadMembers} once, then {@link #apply} once with everything that
 * changed. It holds the tenant's lease throughout, so no other engine writes the same tenant
 * and type concurrently, but other tenants are written in parallel: implementations must be
 * thread-safe. No transaction is held between these calls (the HTTP calls happen between them).
 */
public interface CourseStore {

    /**
     * The stored parts of a tenant and type that are ACTIVE or start at or after {@code since}
     * (parts SARI could list again), and all groups of those parts.
     */
    CourseSnapshot load(String tenantId, CourseType type, Instant since);

    /**
     * The members currently listed (not removed) in the given parts, keyed by part id and then by
     * canonical faberid. Parts without members may be missing from the map.
     */
    Map<Long, Map<String, StoredMember>> loadMembers(String tenantId, Collection<Long> partIds);

    /**
     * Writes a change set atomically: all of it or, when anything fails, nothing (the store
     * is then as before and the exception propagates). An empty change set writes nothing.
     * Must cost a constant number of round trips whatever the size (batch the writes).
     *
     * <p>The engine passes the tenant's {@link Lease}: the store writes only while that take of the
     * lease is still the current one, checked atomically with the write (for a database: in the same
     * transaction, holding the lease row so that a new take waits for the commit).
     *
     * @param lease the writer's lease, or null for an unfenced write (a host's own maintenance, tests)
     * @throws LeaseLostException when {@code lease} is no longer held; nothing was written
     */
    void apply(ChangeSet changes, Lease lease);

    /** {@link #apply(ChangeSet, Lease)} without a lease: an unfenced write. */
    default void apply(ChangeSet changes) {
        apply(changes, null);
    }

    /** Stored parts matching a query, ordered by start then part id. */
    List<StoredCourse> findCourses(CourseQuery query);

    /** All members ever seen in a part (removed ones included), ordered by canonical faberid. */
    List<StoredMember> findMembers(String tenantId, long partId);

    /**
     * The longest texts this store can keep. Called once per sync of a tenant and type, before the
     * answer is compared with {@link #load}'s snapshot: the engine rejects a part, group or member
     * with a longer text (naming the field and the limit, never the value) and writes the rest, so
     * {@link #apply} never meets a value too long for its columns. Unlimited unless overridden.
     */
    default FieldLimits limits() {
        return FieldLimits.unlimited();
    }
}
