package io.github.sarisync.enrollment;

/** What became of one course part in an enrolment operation. */
public enum PartOutcome {
    /** This call registered the student. */
    ENROLLED(true),
    /** The student was registered already (SARI: PERSON_ALREADY_ADDED); nothing changed. */
    ALREADY_ENROLLED(true),
    /** This call unregistered the student. */
    UNENROLLED(true),
    /** The student was not registered (SARI: COURSEMEMBER_NOT_FOUND); nothing changed. */
    NOT_ENROLLED(true),
    /**
     * The registration is confirmed (SARI: COURSEMEMBER_ALREADY_CONFIRMED): it can only be removed by
     * hand in the SARI portal. The student is still registered.
     */
    NEEDS_MANUAL_ACTION(false),
    /** SARI refused the part for good; {@link PartResult#errorCode()} says why. Nothing changed. */
    FAILED(false),
    /** SARI could not be reached or failed transiently: the change waits in the outbox and will be retried. */
    QUEUED(false),
    /** Not tried because another part failed first; nothing changed. */
    NOT_ATTEMPTED(false),
    /** Registered by this call, then unregistered again because another part failed. */
    COMPENSATED(false),
    /** Unregistered by this call (a transfer), then registered again because the transfer was undone. */
    RESTORED(false),
    /**
     * Undoing this part failed; the part stays changed ({@link PartResult#errorCode()} says why). If
     * the fault was transient the undo waits in the outbox ({@link PartResult#outboxEntryId()}).
     */
    UNDO_FAILED(false);

    private final boolean done;

    PartOutcome(boolean done) {
        this.done = done;
    }

    /** True when the part is in the state the caller asked for. */
    public boolean isDone() {
        return done;
    }
}
