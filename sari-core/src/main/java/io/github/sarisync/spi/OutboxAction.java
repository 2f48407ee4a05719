package io.github.sarisync.spi;

/** What an {@link OutboxEntry} asks SARI to do for one course part. */
public enum OutboxAction {
    /** putPersonCourse: register the student; PERSON_ALREADY_ADDED counts as done. */
    ENROLL,
    /** deletePersonCourse: unregister the student; COURSEMEMBER_NOT_FOUND counts as done. */
    UNENROLL
}
