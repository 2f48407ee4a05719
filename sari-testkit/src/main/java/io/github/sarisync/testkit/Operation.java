package io.github.sarisync.testkit;

/** What a request to the simulator asks for; faults and counters are kept per operation. */
public enum Operation {
    /** {@code GET /oauth/v2/token} (password or refresh-token grant). */
    TOKEN("token"),
    /** {@code GET /api/courseregistration/version/{text}}. */
    VERSION("getVersion"),
    /** {@code GET /api/courseregistration/customer/{faberid}/{birthdate}}. */
    CUSTOMER("getCustomer"),
    /** {@code GET /api/courseregistration/courses/{coursetype}}. */
    COURSES("getCourses"),
    /** {@code GET /api/courseregistration/coursedetail/{id}}. */
    COURSE_DETAIL("getCourseDetail"),
    /** {@code PUT /api/courseregistration/personcourse}. */
    ENROLL("putPersonCourse"),
    /** {@code DELETE /api/courseregistration/personcourse}. */
    UNENROLL("deletePersonCourse");

    private final String sariName;

    Operation(String sariName) {
        this.sariName = sariName;
    }

    /** The operation's name in the SARI interface description (e.g. {@code getCourses}). */
    public String sariName() {
        return sariName;
    }
}
