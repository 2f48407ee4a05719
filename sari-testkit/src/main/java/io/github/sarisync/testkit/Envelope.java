package io.github.sarisync.testkit;

/** A SARI answer before it is written: {@code {"result": result, "status": status}}. */
record Envelope(Object result, String status) {
    static final String OK = "OK";

    static Envelope ok(Object result) {
        return new Envelope(result, OK);
    }

    /** An error status; SARI sends an empty array as the result of most errors. */
    static Envelope error(String status) {
        return new Envelope(java.util.List.of(), status);
    }
}
