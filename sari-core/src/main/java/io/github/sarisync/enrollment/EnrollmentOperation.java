package io.github.sarisync.enrollment;

/** The kinds of enrolment operation; their names are the run log's {@code operation}. */
public enum EnrollmentOperation {
    ENROLL, UNENROLL, TRANSFER
}
