package io.github.sarisync.client;

/**
 * What went wrong in a SARI call. The first group are the statuses SARI itself answers with
 * (v1.3 plus two seen in production); {@link #UNKNOWN} stands for any other status, whose text
 * {@link SariException#status()} keeps verbatim; the rest are transport and authentication
 * faults detected by the client.
 */
public enum SariErrorCode {
    // statuses answered by SARI
    INTERNAL_SERVER_ERROR(true),
    INVALID_PARAMETER(false),
    NO_PERMISSION(false),
    PERSON_NOT_FOUND(false),
    DRIVINGSCHOOL_NOT_FOUND(false),
    SECTION_NOT_FOUND(false),
    COURSE_NOT_FOUND(false),
    PERSON_ALREADY_ADDED(false),
    COURSE_NOT_ALLOWED_OR_ENABLED(false),
    LICENSE_EXPIRED(false),
    COURSEMEMBER_NOT_FOUND(false),
    COURSEMEMBER_ALREADY_CONFIRMED(false),
    /** Seen in production, not in v1.3: the registration deadline of that part has passed. */
    COURSE_PERSON_DEADLINE_VIOLATED(false),
    /** Seen in production: faberid and birthdate do not belong together. */
    MISMATCH_BIRTHDATE_FABERID(false),
    /** A status this library does not know; see {@link SariException#status()}. */
    UNKNOWN(false),

    // detected by the client
    /** The token endpoint refused the client id/secret or the username/password. */
    AUTHENTICATION_FAILED(false),
    /** SARI answered HTTP 401 again after the token was renewed. */
    UNAUTHORIZED(false),
    /** HTTP 429: too many requests. */
    RATE_LIMITED(true),
    /** An HTTP 5xx answer without a readable SARI status. */
    SERVER_ERROR(true),
    /** Another HTTP error status without a readable SARI status. */
    HTTP_ERROR(false),
    /** The request or the connection timed out. */
    TIMEOUT(true),
    /** The connection failed or was reset. */
    IO_ERROR(true),
    /** The answer was not the JSON SARI promises (an HTML page, truncated or wrong-shaped JSON, too large). */
    MALFORMED_RESPONSE(false),
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED(false);

    private final boolean transientFault;

    SariErrorCode(boolean transientFault) {
        this.transientFault = transientFault;
    }

    /** True for faults worth retrying after a pause. */
    public boolean isTransient() {
        return transientFault;
    }

    /** The code for a status string of a SARI envelope; {@link #UNKNOWN} for any other. */
    public static SariErrorCode fromStatus(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        switch (status) {
            case "INTERNAL_SERVER_ERROR": return INTERNAL_SERVER_ERROR;
            case "INVALID_PARAMETER": return INVALID_PARAMETER;
            case "NO_PERMISSION": return NO_PERMISSION;
            case "PERSON_NOT_FOUND": return PERSON_NOT_FOUND;
            case "DRIVINGSCHOOL_NOT_FOUND": return DRIVINGSCHOOL_NOT_FOUND;
            case "SECTION_NOT_FOUND": return SECTION_NOT_FOUND;
            case "COURSE_NOT_FOUND": return COURSE_NOT_FOUND;
            case "PERSON_ALREADY_ADDED": return PERSON_ALREADY_ADDED;
            case "COURSE_NOT_ALLOWED_OR_ENABLED": return COURSE_NOT_ALLOWED_OR_ENABLED;
            case "LICENSE_EXPIRED": return LICENSE_EXPIRED;
            case "COURSEMEMBER_NOT_FOUND": return COURSEMEMBER_NOT_FOUND;
            case "COURSEMEMBER_ALREADY_CONFIRMED": return COURSEMEMBER_ALREADY_CONFIRMED;
            case "COURSE_PERSON_DEADLINE_VIOLATED": return COURSE_PERSON_DEADLINE_VIOLATED;
            case "MISMATCH_BIRTHDATE_FABERID": return MISMATCH_BIRTHDATE_FABERID;
            default: return UNKNOWN;
        }
    }
}
