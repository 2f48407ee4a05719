package io.github.sarisync.jdbc.reliability;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncLock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches several engines that share one database: wraps each engine's lock and course store,
 * records per tenant the real-time interval in which each engine held the tenant's lease (from the
 * moment {@code tryAcquire} returned a lease to the call of {@code release}), and every store call an
 * engine made for a tenant whose lease it did not hold at that moment.
 */
public final class RunRecorder {
    /** One engine's hold of a tenant's lease, in {@link System#nanoTime()}. */
    record Hold(String engine, String tenant, long from, long to) {
    }

    private final Map<String, String> holder = new ConcurrentHashMap<>();
    private final Map<String, Long> heldSince = new ConcurrentHashMap<>();
    private final List<Hold> holds = new ArrayList<>();
    private final List<String> unleasedCalls = new ArrayList<>();

    /** {@code lock} as engine {@code engine} should see it. */
    public SyncLock lock(String engine, SyncLock lock) {
        return new SyncLock() {
            @Override
            public Optional<Lease> tryAcquire(String name, String owner, Duration duration) {
                Optional<Lease> taken = lock.tryAcquire(name, owner, duration);
                if (taken.isPresent()) {
                    String tenant = tenantOf(name);
                    heldSince.put(engine + " " + tenant, System.nanoTime());
                    holder.put(tenant, engine);
                }
                return taken;
            }

            @Override
            public boolean extend(Lease lease, Duration duration) {
                return lock.extend(lease, duration);
            }

            @Override
            public void release(Lease lease) {
                // recorded before the database frees the lease, so the next holder's hold starts later
                String tenant = tenantOf(lease.name());
                holder.remove(tenant, engine);
                Long since = heldSince.remove(engine + " " + tenant);
                if (since != null) {
                    synchronized (holds) {
                        holds.add(new Hold(engine, tenant, since, System.nanoTime()));
                    }
                }
                lock.release(lease);
            }
        };
    }

    /** {@code store} as engine {@code engine} should see it: its reads and writes of a tenant are checked against the lease. */
    CourseStore courseStore(String engine, CourseStore store) {
        return new CourseStore() {
            @Override
            public CourseSnapshot load(String tenantId, CourseType type, Instant since) {
                check(engine, tenantId, "load");
                return store.load(tenantId, type, since);
            }

            @Override
            public CourseSnapshot findParts(String tenantId, CourseType type, Collection<Long> partIds) {
                check(engine, tenantId, "findParts");
                return store.findParts(tenantId, type, partIds);
            }

            @Override
            public Map<Long, Map<String, StoredMember>> loadMembers(String tenantId, Collection<Long> partIds) {
                check(engine, tenantId, "loadMembers");
                return store.loadMembers(tenantId, partIds);
            }

            @Override
            public void apply(ChangeSet changes, Lease lease) {
                check(engine, changes.tenantId(), "apply");
                store.apply(changes, lease);
            }

            @Override
            public List<StoredCourse> findCourses(CourseQuery query) {
                return store.findCourses(query);
            }

            @Override
            public List<StoredMember> findMembers(String tenantId, long partId) {
                return store.findMembers(tenantId, partId);
            }
        };
    }

    /** Pairs of holds of one tenant by two engines that overlap in time. */
    public List<String> overlaps() {
        List<Hold> sorted;
        synchronized (holds) {
            sorted = new ArrayList<>(holds);
        }
        sorted.sort(Comparator.comparing(Hold::tenant).thenComparingLong(Hold::from));
        List<String> result = new ArrayList<>();
        Hold longest = null;
        for (Hold hold : sorted) {
            if (longest != null && longest.tenant().equals(hold.tenant()) && hold.from() < longest.to()) {
                result.add(hold.tenant() + ": " + hold.engine() + " took it while " + longest.engine() + " held it");
            }
            if (longest == null || !longest.tenant().equals(hold.tenant()) || hold.to() > longest.to()) {
                longest = hold;
            }
        }
        return result;
    }

    /** How many leases were held and released in all. */
    public int holdCount() {
        synchronized (holds) {
            return holds.size();
        }
    }

    /** Store calls an engine made for a tenant without holding its lease. */
    List<String> unleasedCalls() {
        synchronized (unleasedCalls) {
            return List.copyOf(unleasedCalls);
        }
    }

    private void check(String engine, String tenantId, String call) {
        if (!engine.equals(holder.get(tenantId))) {
            synchronized (unleasedCalls) {
                unleasedCalls.add(engine + " " + call + " of " + tenantId + " while " + holder.get(tenantId)
                        + " held the lease");
            }
        }
    }

    private static String tenantOf(String leaseName) {
        return leaseName.startsWith("tenant:") ? leaseName.substring("tenant:".length()) : leaseName;
    }
}
