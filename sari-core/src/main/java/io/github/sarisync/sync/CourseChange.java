package io.github.sarisync.sync;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.StoredCourse;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A stored part as it was before a run and as that run stored it: told to
 * {@link SyncListener#courseChanged(CourseChange)} and {@link SyncListener#courseReactivated(CourseChange)}.
 * Holds no personal data.
 *
 * @param before  the part as stored before the run
 * @param after   the part as the run stored it
 * @param changed which of date, place and free places differ between the two (may be empty for a
 *                re-activated part listed as it was)
 */
public record CourseChange(StoredCourse before, StoredCourse after, Set<ChangedField> changed) {
    public CourseChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.tenantId().equals(after.tenantId()) || before.partId() != after.partId()) {
            throw new IllegalArgumentException("a course change compares one part of one tenant, not part "
                    + before.partId() + " of " + before.tenantId() + " with part " + after.partId() + " of "
                    + after.tenantId());
        }
        changed = Set.copyOf(Objects.requireNonNull(changed, "changed"));
    }

    /** The change between two stored versions of a part, with the fields that differ. */
    public static CourseChange between(StoredCourse before, StoredCourse after) {
        Set<ChangedField> fields = EnumSet.noneOf(ChangedField.class);
        if (!Objects.equals(before.startsAt(), after.startsAt())) {
            fields.add(ChangedField.STARTS_AT);
        }
        if (!Objects.equals(before.location(), after.location())) {
            fields.add(ChangedField.LOCATION);
        }
        if (before.freePlaces() != after.freePlaces()) {
            fields.add(ChangedField.FREE_PLACES);
        }
        return new CourseChange(before, after, fields);
    }

    public String tenantId() {
        return after.tenantId();
    }

    public CourseType type() {
        return after.type();
    }

    /** The SARI part id. */
    public long partId() {
        return after.partId();
    }

    /** True when {@code field} is among the changed ones. */
    public boolean changed(ChangedField field) {
        return changed.contains(field);
    }
}
