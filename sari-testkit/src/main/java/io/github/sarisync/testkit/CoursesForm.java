package io.github.sarisync.testkit;

/** How the simulator shapes the {@code result} of getCourses. */
public enum CoursesForm {
    /** An array of groups, as production SARI answers (the default). */
    ARRAY,
    /**
     * One group object, as the v1.3 interface document shows it, when exactly one group is visible;
     * an array when there are several (one object cannot hold them), null when there are none.
     */
    SINGLE_OBJECT
}
