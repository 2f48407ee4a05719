package io.github.sarisync.spi;

/** Why a run happened. */
public enum SyncTrigger {
    /** The host's schedule ({@code syncAll}/{@code syncDue}). */
    SCHEDULED,
    /** Somebody asked for it ({@code syncTenant}, trigger now, an enrolment). */
    MANUAL,
    /** {@code syncDue} found the tenant overdue by more than one interval (missed during downtime). */
    CATCH_UP
}
