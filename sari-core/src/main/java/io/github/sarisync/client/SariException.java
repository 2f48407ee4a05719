package io.github.sarisync.client;

/**
 * A SARI call failed. Unchecked. The message names the operation and what went wrong and never
 * contains a secret, a token or personal data beyond a masked faberid.
 */
public class SariException extends RuntimeException {
    private final SariErrorCode code;
    private final String status;
    private final String operation;
    private final int httpStatus;

    public SariException(SariErrorCode code, String status, String operation, int httpStatus, String message,
                         Throwable cause) {
        super(message, cause);
        this.code = code == null ? SariErrorCode.UNKNOWN : code;
        this.status = status;
        this.operation = operation;
        this.httpStatus = httpStatus;
    }

    public SariException(SariErrorCode code, String status, String operation, int httpStatus, String message) {
        this(code, status, operation, httpStatus, message, null);
    }

    /** What went wrong, as a code. */
    public SariErrorCode code() {
        return code;
    }

    /**
     * The raw status string of SARI's envelope (kept verbatim for unknown statuses), or for
     * faults the client detected, the name of {@link #code()}.
     */
    public String status() {
        return status != null ? status : code.name();
    }

    /** The SARI operation that failed, e.g. {@code getCourses}, {@code token}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status of the answer, or 0 when there was none (timeout, I/O error). */
    public int httpStatus() {
        return httpStatus;
    }

    /** True when the fault is transient and the call may succeed later. */
    public boolean retryable() {
        return code.isTransient();
    }
}
