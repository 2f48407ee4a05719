package io.github.sarisync.spi;

/** Where an {@link OutboxEntry} stands. Only PENDING entries are ever tried again. */
public enum OutboxState {
    /** Requested and not yet carried out: waiting for its next attempt (or being attempted now). */
    PENDING,
    /** Carried out: SARI accepted it, or answered that it was already so (idempotent). */
    SUCCEEDED,
    /** SARI refused it for good, or it kept failing transiently until its attempts ran out. */
    FAILED_PERMANENTLY,
    /**
     * Never attempted because an earlier part of the same operation failed for good and the
     * operation was stopped (and possibly undone); the operation's result reports the part as
     * NOT_ATTEMPTED.
     */
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
