package io.github.sarisync.internal.sync;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.model.CourseDetail;
import io.github.sarisync.model.CourseFeed;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.RejectedRecord;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.FieldLimits;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncCounts;
import org.slf4j.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Syncs one course type of one tenant: the course list, the stored snapshot, the diff, the course
 * details the member policy asks for, then one write. Holds the type's data only while it runs.
 */
final class TypeSync {
    private static final Logger LOG = SyncLogging.logger("type");
    private static final int MAX_REJECT_WARNINGS = 10;
    private static final int MAX_GROUP_NAME_SHOWN = 80;
    /** Errors that concern the whole tenant, not one call: the rest of the run would fail the same way. */
    private static final Set<SariErrorCode> TENANT_WIDE = EnumSet.of(SariErrorCode.AUTHENTICATION_FAILED,
            SariErrorCode.UNAUTHORIZED, SariErrorCode.DRIVINGSCHOOL_NOT_FOUND, SariErrorCode.HTTP_ERROR,
            SariErrorCode.INTERRUPTED);

    private final EngineParts parts;
    private final String tenantId;
    private final TenantLease lease;

    TypeSync(EngineParts parts, String tenantId, TenantLease lease) {
        this.parts = parts;
        this.tenantId = tenantId;
        this.lease = lease;
    }

    static boolean tenantWide(SariErrorCode code) {
        return code.isTransient() || TENANT_WIDE.contains(code);
    }

    TypeResult sync(SARIClient client, CourseType type) {
        lease.checkpoint();
        CourseFeed feed;
        try {
            feed = client.courseFeed(type);
        } catch (SariException e) {
            if (e.code() == SariErrorCode.SECTION_NOT_FOUND) {
                LOG.debug("{} not enabled for this school", type);
                return TypeResult.notEnabled(type);
            }
            return TypeResult.failed(type, e.code().name(), type + " course list (getCourses): " + e.getMessage(),
                    tenantWide(e.code()));
        }
        FieldLimits limits = TenantFailure.store("courseStore.limits", () -> parts.courseStore().limits());
        feed = FieldCheck.feed(feed, limits);
        parts.listener().typeFetched(tenantId, type, feed.partCount(), feed.rejected().size());

        Instant now = parts.clock().instant();
        CourseSnapshot loaded = TenantFailure.store("courseStore.load",
                () -> parts.courseStore().load(tenantId, type, now));
        // a listed part the snapshot lacks is new, or stored as COMPLETED/CANCELLED with a past start
        Set<Long> unloaded = CourseDiff.unloadedPartIds(feed.groups(), loaded);
        CourseSnapshot snapshot = unloaded.isEmpty() ? loaded : loaded.plus(TenantFailure.store(
                "courseStore.findParts", () -> parts.courseStore().findParts(tenantId, type, unloaded)));
        CourseDiff diff = CourseDiff.compute(tenantId, type, now, feed.groups(), feed.unreadablePartIds(), snapshot,
                parts.options().emptyFeedThreshold(), parts.options().emptyFeedMinParts());
        List<String> warnings = new ArrayList<>();
        if (diff.guardWarning() != null) {
            warnings.add(diff.guardWarning());
            LOG.warn("{}", diff.guardWarning());
        }
        List<RejectedRecord> rejected = new ArrayList<>(feed.rejected());
        rejected.addAll(diff.rejected());
        int rejectWarningsAt = warnings.size();

        Map<Long, CourseDetail> details = new LinkedHashMap<>();
        for (Long partId : MemberSelection.choose(parts.options().memberPolicy(), diff, now,
                parts.options().soonWindow())) {
            lease.checkpoint();
            try {
                details.put(partId, client.courseDetailFeed(partId));
            } catch (SariException e) {
                if (tenantWide(e.code())) {
                    return TypeResult.failed(type, e.code().name(), type + " course detail of part " + partId
                            + " (getCourseDetail): " + e.getMessage(), true);
                }
                warnings.add(type + " part " + partId + ": members not synced (" + e.code() + ")");
                LOG.warn("{} part {}: course detail failed ({}); its members stay as stored", type, partId, e.code());
            }
        }
        List<StoredMember> added = new ArrayList<>();
        List<StoredMember> changed = new ArrayList<>();
        List<StoredMember> removed = new ArrayList<>();
        List<StoredMember> confirmed = new ArrayList<>();
        if (!details.isEmpty()) {
            Map<Long, Map<String, StoredMember>> stored = TenantFailure.store("courseStore.loadMembers",
                    () -> parts.courseStore().loadMembers(tenantId, details.keySet()));
            details.forEach((partId, detail) -> {
                FieldCheck.Members checked = FieldCheck.members(partId, detail.members(), limits);
                rejected.addAll(checked.rejected());
                MemberDiff members = MemberDiff.compute(tenantId, partId, checked.kept(), checked.held(),
                        stored.getOrDefault(partId, Map.of()), now);
                added.addAll(members.added());
                changed.addAll(members.changed());
                confirmed.addAll(members.confirmed());
                if (detail.unreadableMembers() == 0) {
                    removed.addAll(members.removed());
                } else {
                    // a stored member missing from the list may be one of the records that could not be read
                    rejected.add(new RejectedRecord(null, partId, detail.unreadableMembers()
                            + " member record(s) unreadable; nobody of the part marked removed"));
                }
            });
        }

        warnings.addAll(rejectWarningsAt, rejectWarnings(type, rejected));
        CourseDiff.Changes rows = diff.groupsAndParts();
        List<StoredMember> upserts = new ArrayList<>(added);
        upserts.addAll(changed);
        ChangeSet changes = new ChangeSet(tenantId, type, now, rows.newGroups(), rows.changedGroups(), rows.inserts(),
                rows.updates(), rows.statusChanges(), upserts, removed);
        lease.checkpoint();
        if (!changes.isEmpty()) {
            lease.fenced("courseStore.apply", () -> parts.courseStore().apply(changes, lease.lease()));
        }
        logParts(type, changes);
        fireEvents(changes, diff, added, confirmed, removed);

        SyncCounts counts = new SyncCounts(rows.inserts().size(), rows.updates().size(), diff.unchanged(),
                diff.completed(), diff.cancelled(), added.size(), removed.size(), rejected.size());
        String summary = type + ": " + diff.listed().size() + " listed, " + counts.inserted() + " new, "
                + counts.updated() + " updated, " + counts.unchanged() + " unchanged, " + counts.completed()
                + " completed, " + counts.cancelled() + " cancelled, members +" + counts.membersAdded() + "/-"
                + counts.membersRemoved() + " (" + details.size() + " details), " + counts.rejected() + " rejected";
        return new TypeResult(type, TypeResult.Status.SYNCED, counts, warnings, null, null, false, summary);
    }

    private static List<String> rejectWarnings(CourseType type, List<RejectedRecord> rejected) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < rejected.size() && i < MAX_REJECT_WARNINGS; i++) {
            RejectedRecord r = rejected.get(i);
            warnings.add(type + " record rejected" + (r.partId() != null ? " (part " + r.partId() + ")" : "")
                    + (r.groupName() != null ? " in group '" + shortened(r.groupName()) + "'" : "") + ": " + r.reason());
        }
        if (rejected.size() > MAX_REJECT_WARNINGS) {
            warnings.add(type + ": " + (rejected.size() - MAX_REJECT_WARNINGS) + " more records rejected");
        }
        return warnings;
    }

    /** A group name as far as a warning needs it: SARI may send one of any length. */
    private static String shortened(String groupName) {
        return groupName.length() <= MAX_GROUP_NAME_SHOWN ? groupName
                : groupName.substring(0, MAX_GROUP_NAME_SHOWN) + "...";
    }

    private static void logParts(CourseType type, ChangeSet changes) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        changes.inserts().forEach(p -> LOG.debug("{} part {} new", type, p.partId()));
        changes.updates().forEach(p -> LOG.debug("{} part {} updated", type, p.partId()));
        changes.statusChanges().forEach(p -> LOG.debug("{} part {} {}", type, p.partId(), p.status()));
        changes.memberUpserts().forEach(m -> LOG.debug("{} part {} member {} listed", type, m.partId(),
                io.github.sarisync.model.FaberIds.mask(m.faberId())));
        changes.memberRemovals().forEach(m -> LOG.debug("{} part {} member {} removed", type, m.partId(),
                io.github.sarisync.model.FaberIds.mask(m.faberId())));
    }

    /** Called only once the change set is stored (or was empty): a host never hears of an unstored change. */
    private void fireEvents(ChangeSet changes, CourseDiff diff, List<StoredMember> added,
                            List<StoredMember> confirmed, List<StoredMember> removed) {
        GuardedListener listener = parts.listener();
        if (!listener.active()) {
            return;
        }
        for (StoredCourse part : changes.inserts()) {
            listener.courseAdded(part);
        }
        diff.reactivated().forEach(listener::courseReactivated);
        diff.changed().forEach(listener::courseChanged);
        for (StoredCourse part : changes.statusChanges()) {
            listener.courseStatusChanged(part);
        }
        added.forEach(listener::memberAdded);
        confirmed.forEach(listener::memberConfirmed);
        removed.forEach(listener::memberRemoved);
    }
}
