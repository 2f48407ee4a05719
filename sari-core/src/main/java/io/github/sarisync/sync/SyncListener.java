package io.github.sarisync.sync;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;

/**
 * Progress and change events, for progress bars, live admin views and host reactions. Every
 * method has an empty default. Called on the engine's worker threads (so several tenants' events
 * may arrive at once); a listener that throws is logged and ignored.
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

    default void memberAdded(StoredMember member) {
    }

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
     * because another instance is syncing them ({@link TenantSyncResult#skippedLocked()}).
     */
    default void tenantFinished(TenantSyncResult result) {
    }

    default void runFinished(SyncReport report) {
    }
}
