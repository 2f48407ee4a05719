package io.github.sarisync.client;

import java.time.Duration;

/**
 * Told about every HTTP exchange the client makes (each attempt, including token requests), for
 * metrics. Called on the calling thread after the answer was read; must be fast and must not
 * throw (a throwing listener is logged and ignored).
 */
@FunctionalInterface
public interface SariRequestListener {
    /**
     * @param operation  e.g. {@code token}, {@code getCourses}
     * @param status     SARI's status ({@code OK}, an error status) or the client's code for a
     *                   transport fault
     * @param httpStatus the HTTP status, 0 when none was received
     * @param duration   how long the exchange took
     */
    void onRequest(String operation, String status, int httpStatus, Duration duration);

    static SariRequestListener none() {
        return (operation, status, httpStatus, duration) -> { };
    }
}
