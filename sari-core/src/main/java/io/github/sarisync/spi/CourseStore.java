package io.github.sarisync.spi;

import io.github.sarisync.model.CourseType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the synced courses, groups and members are kept.
 *
 * <p>Per tenant and course type the engine calls {@link #load} once, then (when SARI lists parts
 * the snapshot lacks) {@link #findParts} once, then (when SARI's course details were fetched)
 * {@link #loadMembers} once, then {@link #apply} once with everything that changed. It holds the
 * tenant's lease throughout, so no other engine writes the same tenant and type concurrently, but
 * other tenants are written in parallel: implementations must be thread-safe. No transaction is
 * held between these calls (the HTTP calls happen between them).
 */
public interface CourseStore {

    /**
     * The stored parts of a tenant and type that are ACTIVE or start at or after {@code since}
     * (parts SARI could list again), and all groups of those parts.
     */
    CourseSnapshot load(String tenantId, CourseType type, Instant since);

    /**
     * The stored parts of a tenant and type with the given ids, whatever their status and start, and
     * all groups of those parts; ids not stored are left out.
     *
     * <p>Called by the engine right after {@link #load}, and only when SARI lists parts that
     * {@code load}'s snapshot lacks, with their ids: new parts, and parts stored as COMPLETED or
     * CANCELLED whose start has passed that SARI lists again (its date moved, or it was reinstated
     * late). The engine treats those found as stored: re-activated, first seen and group kept. So a
     * run reads only the parts it meets, never the tenant's whole history.
     *
     * <p>Implementations should answer in one round trip for all ids. The default reads every part of
     * the tenant and type through {@code load} and keeps the asked ones: correct, but it reads the
     * history on every run that meets a new part; override it.
     */
    default CourseSnapshot findParts(String tenantId, CourseType type, Collection<Long> partIds) {
        if (partIds.isEmpty()) {
            return CourseSnapshot.empty(tenantId, type);
        }
        return load(tenantId, type, Instant.EPOCH).only(partIds);
    }

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
