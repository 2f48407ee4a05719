package io.github.sarisync.internal.sync;

import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.RejectedRecord;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.sync.CourseChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one course list changes in the stored snapshot of a tenant and type: a pure function of
 * the answer, the snapshot and the time, so it is tested on plain data.
 *
 * <ul>
 *   <li>a part is identified by its SARI id; unchanged parts (same content hash, ACTIVE) are not
 *       written, changed ones are updated, new ones inserted, a stored part that was COMPLETED or
 *       CANCELLED and is listed again becomes ACTIVE (first seen kept). The snapshot must hold every
 *       stored part the answer lists, those whose start has passed included (see
 *       {@link #unloadedPartIds}), or such a part would be taken for a new one;</li>
 *   <li>a stored ACTIVE part no longer listed becomes COMPLETED when it started at or before
 *       {@code now}, CANCELLED when it lies in the future;</li>
 *   <li>a part SARI lists but whose record could not be used (its id among {@code unreadable}) is
 *       still listed: its stored row is left as it is (no update, no status change);</li>
 *   <li>the empty-feed guard: when the answer would cancel more than {@code threshold} of the
 *       stored future ACTIVE parts (and there are at least {@code minParts} of them), nothing is
 *       cancelled and {@link #guardWarning()} says why. The guard is evaluated afresh on every run:
 *       a feed that stays empty stays held back until a run with a relaxed threshold.</li>
 * </ul>
 *
 * @param groupsAndParts    the change set without members
 * @param unchanged         listed parts that need no write
 * @param completed         parts that become COMPLETED
 * @param cancelled         parts that become CANCELLED
 * @param rejected          records of the answer that were not used, with their reason
 * @param guardWarning      why cancellations were held back, or null
 * @param listed            every part of the answer that was used, keyed by part id, with its group key
 * @param memberCandidates  listed parts that are new, listed again, or whose free places changed
 * @param reactivated       stored COMPLETED or CANCELLED parts listed again (before and after)
 * @param changed           updated ACTIVE parts whose date, place or free places changed (before and after)
 */
public record CourseDiff(Changes groupsAndParts, int unchanged, int completed, int cancelled,
                         List<RejectedRecord> rejected, String guardWarning, Map<Long, ListedPart> listed,
                         Set<Long> memberCandidates, List<CourseChange> reactivated, List<CourseChange> changed) {

    public CourseDiff {
        rejected = List.copyOf(rejected);
        listed = Map.copyOf(listed);
        memberCandidates = Set.copyOf(memberCandidates);
        reactivated = List.copyOf(reactivated);
        changed = List.copyOf(changed);
    }

    /** A listed part with the key of its group. */
    public record ListedPart(Course course, String groupKey) {
    }

    /** The group and part rows to write. */
    public record Changes(List<StoredGroup> newGroups, List<StoredGroup> changedGroups, List<StoredCourse> inserts,
                          List<StoredCourse> updates, List<StoredCourse> statusChanges) {
        public Changes {
            newGroups = List.copyOf(newGroups);
            changedGroups = List.copyOf(changedGroups);
            inserts = List.copyOf(inserts);
            updates = List.copyOf(updates);
            statusChanges = List.copyOf(statusChanges);
        }
    }

    /**
     * The ids of the parts {@code groups} list that {@code snapshot} does not hold: new parts, or parts
     * stored as COMPLETED or CANCELLED whose start lies before the snapshot's {@code since}, which the
     * engine looks up ({@code CourseStore.findParts}) and adds to the snapshot before computing the
     * diff, so that such a part is re-activated in its row rather than inserted again.
     */
    public static Set<Long> unloadedPartIds(List<CourseGroup> groups, CourseSnapshot snapshot) {
        Set<Long> unloaded = new HashSet<>();
        for (CourseGroup group : groups) {
            for (Course part : group.courses()) {
                if (!snapshot.parts().containsKey(part.id())) {
                    unloaded.add(part.id());
                }
            }
        }
        return unloaded;
    }

    /** Computes the diff of an answer without unreadable parts; see the type's description. */
    public static CourseDiff compute(String tenantId, CourseType type, Instant now, List<CourseGroup> groups,
                                     CourseSnapshot snapshot, double threshold, int minParts) {
        return compute(tenantId, type, now, groups, Set.of(), snapshot, threshold, minParts);
    }

    /**
     * Computes the diff; see the type's description.
     *
     * @param unreadable ids of parts SARI lists whose records could not be used
     */
    public static CourseDiff compute(String tenantId, CourseType type, Instant now, List<CourseGroup> groups,
                                     Set<Long> unreadable, CourseSnapshot snapshot, double threshold,
                                     int minParts) {
        Map<Long, StoredCourse> stored = snapshot.parts();
        List<CourseGroup> nonEmpty = groups.stream().filter(g -> !g.courses().isEmpty()).toList();
        List<String> keys = GroupKeys.assign(type, nonEmpty, stored, snapshot.groups().keySet());

        List<StoredGroup> newGroups = new ArrayList<>();
        List<StoredGroup> changedGroups = new ArrayList<>();
        List<StoredCourse> inserts = new ArrayList<>();
        List<StoredCourse> updates = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Map<Long, ListedPart> listed = new HashMap<>();
        Set<Long> candidates = new HashSet<>();
        List<CourseChange> reactivated = new ArrayList<>();
        List<CourseChange> changed = new ArrayList<>();
        int unchanged = 0;

        for (int i = 0; i < nonEmpty.size(); i++) {
            CourseGroup group = nonEmpty.get(i);
            String key = keys.get(i);
            StoredGroup known = snapshot.groups().get(key);
            if (known == null) {
                newGroups.add(new StoredGroup(tenantId, type, key, group.name(), group.date(), now, now));
            } else if (!Objects.equals(known.name(), group.name()) || !Objects.equals(known.date(), group.date())) {
                changedGroups.add(new StoredGroup(tenantId, type, key, group.name(), group.date(),
                        known.firstSeenAt(), now));
            }
            for (Course part : group.courses()) {
                if (listed.containsKey(part.id())) {
                    rejected.add(new RejectedRecord(group.name(), part.id(), "part id listed twice; first kept"));
                    continue;
                }
                listed.put(part.id(), new ListedPart(part, key));
                String hash = ContentHash.of(part, key);
                StoredCourse old = stored.get(part.id());
                if (old == null) {
                    inserts.add(row(tenantId, type, part, key, hash, now, now, now));
                    candidates.add(part.id());
                } else if (old.status() != CourseStatus.ACTIVE) {
                    StoredCourse again = row(tenantId, type, part, key, hash, old.firstSeenAt(), now, now);
                    updates.add(again);
                    reactivated.add(CourseChange.between(old, again));
                    candidates.add(part.id());
                } else if (!hash.equals(old.contentHash())) {
                    StoredCourse update = row(tenantId, type, part, key, hash, old.firstSeenAt(), now,
                            old.statusChangedAt());
                    updates.add(update);
                    CourseChange change = CourseChange.between(old, update);
                    if (!change.changed().isEmpty()) {
                        changed.add(change);
                    }
                    if (old.freePlaces() != part.freePlaces()) {
                        candidates.add(part.id());
                    }
                } else {
                    unchanged++;
                }
            }
        }

        List<StoredCourse> completions = new ArrayList<>();
        List<StoredCourse> cancellations = new ArrayList<>();
        int futureActive = 0;
        for (StoredCourse old : stored.values()) {
            if (old.status() != CourseStatus.ACTIVE) {
                continue;
            }
            boolean future = old.startsAt().isAfter(now);
            if (future) {
                futureActive++;
            }
            if (!listed.containsKey(old.partId()) && !unreadable.contains(old.partId())) {
                (future ? cancellations : completions).add(old.withStatus(
                        future ? CourseStatus.CANCELLED : CourseStatus.COMPLETED, now));
            }
        }
        String guardWarning = null;
        if (!cancellations.isEmpty() && futureActive >= minParts
                && (double) cancellations.size() / futureActive > threshold) {
            guardWarning = "SARI listed " + (futureActive - cancellations.size()) + " of " + futureActive + " future "
                    + type + " parts; cancellation held back";
            cancellations.clear();
        }
        List<StoredCourse> statusChanges = new ArrayList<>(completions);
        statusChanges.addAll(cancellations);
        return new CourseDiff(new Changes(newGroups, changedGroups, inserts, updates, statusChanges), unchanged,
                completions.size(), cancellations.size(), rejected, guardWarning, listed, candidates, reactivated,
                changed);
    }

    private static StoredCourse row(String tenantId, CourseType type, Course part, String key, String hash,
                                    Instant firstSeen, Instant lastSeen, Instant statusChanged) {
        return new StoredCourse(tenantId, type, part.id(), key, part.name(), part.startsAt().toInstant(),
                part.location(), part.freePlaces(), hash, CourseStatus.ACTIVE, firstSeen, lastSeen, statusChanged);
    }
}
