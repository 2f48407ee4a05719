package io.github.sarisync.sync;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;

/**
 * Progress and change events, for progress bars, live admin views and host reactions. Every
 * method has an empty default. Called on the engine's worker threads (so several tenants' events
 * may arrive at once); a listener that throws is logged and ignored.
 *
 * <p>The change events ({@code course*}, {@code member*}) are called after the tenant's change set
 * for that course type was written, so a listener never hears of a change that was not stored; a
 * run whose write fails calls none of them. A part gets at most one of {@code courseAdded},
 * {@code courseReactivated}, {@code courseChanged} and {@code courseStatusChanged} per run.
 */
public interface SyncListener {
    /** A {@code syncAll}/{@code syncDue} begins with {@code tenantCount} tenants to consider. */
    default void runStarted(int tenantCount) {
    }

    default void tenantStarted(String tenantId, String tenantName) {
    }

    /** A course list was fetched: {@code parts} parts, {@code rejected} records that could not be read. */
    default void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
    }

    /** A part was seen for the first time; called after the change set was applied. */
    default void courseAdded(StoredCourse course) {
    }

    /** A part left the feed and was marked CANCELLED (or COMPLETED); called after apply. */
    default void courseStatusChanged(StoredCourse course) {
    }

    /**
     * A part that was CANCELLED (or COMPLETED) is listed by SARI again and is ACTIVE again, e.g. to tell
     * the students who were told "cancelled" that it is back on. {@code change.before()} is the part as
     * it was (its old status), {@code change.after()} as listed now; {@code change.changed()} also says
     * whether its date, place or free places differ from before. Also called for a part whose old start
     * has passed (SARI moved its date, or reinstated it late): it is never taken for a new part.
     * Called after apply.
     */
    default void courseReactivated(CourseChange change) {
    }

    /**
     * A listed ACTIVE part's date, place or free places changed ({@code change.changed()} says which,
     * with the values before and after). Once per part and run, however many fields changed; a change
     * of the name or group only is not told. Free places change often: filter on
     * {@code change.changed(ChangedField.STARTS_AT)} for a moved date. Called after apply.
     */
    default void courseChanged(CourseChange change) {
    }

    /** A student was seen in a part for the first time (or again after removal); called after apply. */
    default void memberAdded(StoredMember member) {
    }

    /**
     * SARI shows a student's registration in a part as confirmed ({@link StoredMember#confirmedOn()}
     * is set) where the stored member was unconfirmed, or a student is first seen already confirmed
     * (then after {@link #memberAdded(StoredMember)}). Called after apply. Members are read only for
     * the parts the member policy chooses, so with the CHANGED policy a confirmation is heard when its
     * part is next read.
     */
    default void memberConfirmed(StoredMember member) {
    }

    /** A student is no longer listed in a part (marked removed, not deleted); called after apply. */
    default void memberRemoved(StoredMember member) {
    }

    /**
     * A store refused a write of a run ({@code courseStore.apply}, {@code tenantStore.updateState} or
     * {@code syncLogStore.finished}) because the run had lost the tenant's lease to a newer holder;
     * nothing of that write was stored. Called before the run's {@link #tenantFinished}.
     */
    default void writeRefused(String tenantId, String write) {
    }

    /**
     * A tenant is done. Also called for tenants not run, e.g. SKIPPED with error code {@code LOCKED}
     * because another instance is syncing them or an enrolment outbox run is draining them
     * ({@link TenantSyncResult#skippedLocked()}).
     */
    default void tenantFinished(TenantSyncResult result) {
    }

    default void runFinished(SyncReport report) {
    }
}
