package io.github.sarisync.enrollment;

import java.util.Objects;

/**
 * Why an enrolment was refused before any registration call. The message names the course type,
 * the categories and dates involved, never personal data.
 */
public record Refusal(Reason reason, String message) {
    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of refusal. */
    public enum Reason {
        /** The student holds no licence of a category the course type accepts. */
        NO_SUITABLE_LICENCE,
        /** Every suitable licence expires before the day of the last part. */
        LICENCE_EXPIRES_BEFORE_LAST_PART,
        /** SARI does not know the student, or faberid and birthdate do not belong together. */
        STUDENT_NOT_FOUND,
        /** A part to leave (transfer) is known to be confirmed; only the SARI portal can remove it. */
        CONFIRMED_REGISTRATION
    }
}
