package io.github.sarisync.memory;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.FieldLimits;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.spi.StoredMember;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CourseStore} in memory, for tests, demos and small hosts. Thread-safe: each tenant's
 * data has its own monitor, so tenants are written in parallel, and {@link #apply(ChangeSet)} is
 * atomic: it stages every row first and publishes them only when all were staged, so a failure
 * leaves the tenant's data exactly as before.
 *
 * <p>{@link #staging(Object)} is called for every row as it is staged; tests override it to
 * inject a fault part-way through an apply.
 *
 * <p>Built with the engines' {@link InMemorySyncLock}, an apply with a lease publishes only while
 * that take of the lease is current; built without one, it refuses only a lease older than the
 * newest it has seen (see {@link CourseStore#apply(ChangeSet, Lease)}).
 */
public class InMemoryCourseStore implements CourseStore {
    private static final Comparator<StoredCourse> BY_START =
            Comparator.comparing(StoredCourse::startsAt).thenComparingLong(StoredCourse::partId);

    /** One tenant's rows; guarded by its own monitor. */
    private static final class TenantData {
        final Map<Long, StoredCourse> parts = new HashMap<>();
        final Map<GroupId, StoredGroup> groups = new HashMap<>();
        final Map<Long, Map<String, StoredMember>> members = new HashMap<>();
    }

    private record GroupId(CourseType type, String groupKey) {
    }

    private record MemberId(long partId, String canonicalFaberId) {
    }

    private final ConcurrentHashMap<String, TenantData> tenants = new ConcurrentHashMap<>();
    private final FieldLimits limits;
    private final LeaseGuard guard;

    /** A store without length limits that fences writes only against older fences it has seen (no lock to ask). */
    public InMemoryCourseStore() {
        this(FieldLimits.unlimited(), null);
    }

    /**
     * A store that reports {@code limits} to the engine, e.g. those of the JDBC store
     * ({@code JdbcCourseStore.FIELD_LIMITS}), so that a test or demo rejects what a database would.
     */
    public InMemoryCourseStore(FieldLimits limits) {
        this(limits, null);
    }

    /** A store without length limits whose fenced writes land only while the writer holds its lease in {@code lock}. */
    public InMemoryCourseStore(InMemorySyncLock lock) {
        this(FieldLimits.unlimited(), lock);
    }

    /**
     * @param lock the engines' lock, against which fenced writes are checked; null to refuse only leases
     *             older than one already written with
     */
    public InMemoryCourseStore(FieldLimits limits, InMemorySyncLock lock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.guard = new LeaseGuard(lock);
    }

    @Override
    public FieldLimits limits() {
        return limits;
    }

    @Override
    public CourseSnapshot load(String tenantId, CourseType type, Instant since) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(since, "since");
        TenantData data = tenants.get(tenantId);
        if (data == null) {
            return CourseSnapshot.empty(tenantId, type);
        }
        synchronized (data) {
            Map<Long, StoredCourse> parts = new HashMap<>();
            Map<String, StoredGroup> groups = new HashMap<>();
            for (StoredCourse part : data.parts.values()) {
                if (part.type() == type && (part.status() == CourseStatus.ACTIVE || !part.startsAt().isBefore(since))) {
                    parts.put(part.partId(), part);
                    StoredGroup group = data.groups.get(new GroupId(type, part.groupKey()));
                    if (group != null) {
                        groups.put(group.groupKey(), group);
                    }
                }
            }
            return new CourseSnapshot(tenantId, type, parts, groups);
        }
    }

    @Override
    public CourseSnapshot findParts(String tenantId, CourseType type, Collection<Long> partIds) {
        Objects.requireNonNull(type, "type");
        TenantData data = tenants.get(tenantId);
        if (data == null || partIds.isEmpty()) {
            return CourseSnapshot.empty(tenantId, type);
        }
        synchronized (data) {
            Map<Long, StoredCourse> parts = new HashMap<>();
            Map<String, StoredGroup> groups = new HashMap<>();
            for (Long partId : partIds) {
                StoredCourse part = data.parts.get(partId);
                if (part != null && part.type() == type) {
                    parts.put(part.partId(), part);
                    StoredGroup group = data.groups.get(new GroupId(type, part.groupKey()));
                    if (group != null) {
                        groups.put(group.groupKey(), group);
                    }
                }
            }
            return new CourseSnapshot(tenantId, type, parts, groups);
        }
    }

    @Override
    public Map<Long, Map<String, StoredMember>> loadMembers(String tenantId, Collection<Long> partIds) {
        TenantData data = tenants.get(tenantId);
        if (data == null || partIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, StoredMember>> result = new HashMap<>();
        synchronized (data) {
            for (Long partId : partIds) {
                Map<String, StoredMember> listed = new HashMap<>();
                data.members.getOrDefault(partId, Map.of()).forEach((faberId, member) -> {
                    if (member.removedAt() == null) {
                        listed.put(faberId, member);
                    }
                });
                if (!listed.isEmpty()) {
                    result.put(partId, Map.copyOf(listed));
                }
            }
        }
        return Map.copyOf(result);
    }

    @Override
    public void apply(ChangeSet changes, Lease lease) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            return;
        }
        Map<GroupId, StoredGroup> groups = new HashMap<>();
        Map<Long, StoredCourse> parts = new HashMap<>();
        Map<MemberId, StoredMember> members = new HashMap<>();
        for (List<StoredGroup> list : List.of(changes.newGroups(), changes.changedGroups())) {
            for (StoredGroup group : list) {
                requireTenant(changes, group.tenantId());
                staging(group);
                groups.put(new GroupId(group.type(), group.groupKey()), group);
            }
        }
        for (List<StoredCourse> list : List.of(changes.inserts(), changes.updates(), changes.statusChanges())) {
            for (StoredCourse part : list) {
                requireTenant(changes, part.tenantId());
                staging(part);
                parts.put(part.partId(), part);
            }
        }
        for (List<StoredMember> list : List.of(changes.memberUpserts(), changes.memberRemovals())) {
            for (StoredMember member : list) {
                requireTenant(changes, member.tenantId());
                staging(member);
                members.put(new MemberId(member.partId(), member.canonicalFaberId()), member);
            }
        }
        guard.write(lease, "courseStore.apply of tenant " + changes.tenantId() + " " + changes.type(), () -> {
            TenantData data = tenants.computeIfAbsent(changes.tenantId(), t -> new TenantData());
            synchronized (data) {
                data.groups.putAll(groups);
                data.parts.putAll(parts);
                members.forEach((id, member) -> data.members.computeIfAbsent(id.partId(), p -> new HashMap<>())
                        .put(id.canonicalFaberId(), member));
            }
        });
    }

    /**
     * Called for every row of a change set as it is staged, before anything is published. Does
     * nothing; a subclass may throw here to simulate a store that fails part-way through an apply.
     */
    protected void staging(Object row) {
    }

    @Override
    public List<StoredCourse> findCourses(CourseQuery query) {
        Objects.requireNonNull(query, "query");
        Collection<TenantData> scope = query.tenantId() == null ? tenants.values()
                : tenants.containsKey(query.tenantId()) ? List.of(tenants.get(query.tenantId())) : List.of();
        List<StoredCourse> found = new ArrayList<>();
        for (TenantData data : scope) {
            synchronized (data) {
                for (StoredCourse part : data.parts.values()) {
                    if ((query.type() == null || part.type() == query.type())
                            && (query.status() == null || part.status() == query.status())) {
                        found.add(part);
                    }
                }
            }
        }
        return found.stream().sorted(BY_START).limit(query.limit()).toList();
    }

    @Override
    public List<StoredMember> findMembers(String tenantId, long partId) {
        TenantData data = tenantId == null ? null : tenants.get(tenantId);
        if (data == null) {
            return List.of();
        }
        synchronized (data) {
            return List.copyOf(new TreeMap<>(data.members.getOrDefault(partId, Map.of())).values());
        }
    }

    private static void requireTenant(ChangeSet changes, String rowTenant) {
        if (!changes.tenantId().equals(rowTenant)) {
            throw new IllegalArgumentException("change set of tenant " + changes.tenantId()
                    + " holds a row of tenant " + rowTenant);
        }
    }
}
