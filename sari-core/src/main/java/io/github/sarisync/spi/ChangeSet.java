package io.github.sarisync.spi;

import io.github.sarisync.model.CourseType;

import java.time.Instant;
import java.util.List;

/**
 * Everything one sync of one tenant and course type writes, applied by
 * {@link CourseStore#apply(ChangeSet)} in one transaction. Unchanged parts are not in it.
 *
 * @param newGroups      groups seen for the first time
 * @param changedGroups  known groups whose name or date changed
 * @param inserts        parts seen for the first time
 * @param updates        known parts whose content changed or that are listed again (status ACTIVE)
 * @param statusChanges  known parts no longer listed, with their new status (COMPLETED or CANCELLED)
 * @param memberUpserts  members new, changed (e.g. confirmed) or listed again after removal
 * @param memberRemovals members no longer listed, with {@code removedAt} set
 */
public record ChangeSet(String tenantId, CourseType type, Instant at, List<StoredGroup> newGroups,
                        List<StoredGroup> changedGroups, List<StoredCourse> inserts, List<StoredCourse> updates,
                        List<StoredCourse> statusChanges, List<StoredMember> memberUpserts,
                        List<StoredMember> memberRemovals) {
    public ChangeSet {
        newGroups = List.copyOf(newGroups);
        changedGroups = List.copyOf(changedGroups);
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        statusChanges = List.copyOf(statusChanges);
        memberUpserts = List.copyOf(memberUpserts);
        memberRemovals = List.copyOf(memberRemovals);
    }

    /** True when nothing would be written. */
    public boolean isEmpty() {
        return newGroups.isEmpty() && changedGroups.isEmpty() && inserts.isEmpty() && updates.isEmpty()
                && statusChanges.isEmpty() && memberUpserts.isEmpty() && memberRemovals.isEmpty();
    }
}
