package io.github.sarisync.enrollment;

/**
 * What an enrolment does when SARI refuses one part for good (not for a transient fault, which
 * queues the rest in the outbox) after other parts may already have succeeded.
 */
public enum FailurePolicy {
    /** Stop, and unregister the student from the parts this call registered (all or nothing). */
    COMPENSATE,
    /** Stop, and leave the parts done so far as they are. */
    LEAVE,
    /** Go on with the remaining parts and leave everything as it ends up. */
    CONTINUE
}
