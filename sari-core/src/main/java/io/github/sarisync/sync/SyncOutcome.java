package io.github.sarisync.sync;

/** How a tenant's run ended. */
public enum SyncOutcome {
    /** Every course type synced. */
    SUCCESS,
    /** Synced, but something was held back (empty-feed guard, rejected records, member details that failed). */
    PARTIAL,
    /** Nothing was applied for at least one course type because of an error. */
    FAILED,
    /** Not run: another instance held the tenant's lease, or the tenant is paused or disabled. */
    SKIPPED
}
