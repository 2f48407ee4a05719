package io.github.sarisync.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulator can answer with instead of (or on top of) the normal answer. Injected
 * through a {@link FaultRule}.
 *
 * <pre>{@code
 * sari.inject(FaultRule.of(Fault.httpStatus(503)).operation(Operation.COURSES).times(2));
 * }</pre>
 */
public final class Fault {
    /** The kinds of fault. */
    public enum Kind {
        /** HTTP 200 with the envelope status INTERNAL_SERVER_ERROR (SARI's own server fault). */
        INTERNAL_SERVER_ERROR,
        /** A bare HTTP error status (500, 502, 503, ...) with a short text body. */
        HTTP_STATUS,
        /** HTTP 429 with a {@code Retry-After} header in seconds. */
        TOO_MANY_REQUESTS,
        /** HTTP 200 with a JSON body cut off in the middle. */
        MALFORMED_JSON,
        /** An HTML error page, as a proxy in front of SARI would send it. */
        HTML_PAGE,
        /** The normal answer, sent after an extra delay. */
        LATENCY,
        /** No answer for a long time (longer than any client timeout); the connection is closed when the simulator closes. */
        HANG,
        /** getCourses answers OK with an empty array (an upstream fault; other operations answer normally). */
        EMPTY_COURSES,
        /**
         * The request's access token expires at once (as when SARI restarts): the API call is answered
         * HTTP 401 and the token stays invalid. Token requests are not affected.
         */
        EXPIRED_TOKEN
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration duration;

    private Fault(Kind kind, int httpStatus, Duration duration) {
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.duration = duration;
    }

    /** HTTP 200 with {@code {"result": [], "status": "INTERNAL_SERVER_ERROR"}}. */
    public static Fault internalServerError() {
        return new Fault(Kind.INTERNAL_SERVER_ERROR, 200, Duration.ZERO);
    }

    /** A bare HTTP error, e.g. 500, 502 or 503. */
    public static Fault httpStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fault HTTP status must be 4xx or 5xx, was " + status);
        }
        return new Fault(Kind.HTTP_STATUS, status, Duration.ZERO);
    }

    /** HTTP 429 with {@code Retry-After} set to {@code retryAfter} in whole seconds (at least 1). */
    public static Fault tooManyRequests(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        return new Fault(Kind.TOO_MANY_REQUESTS, 429, retryAfter);
    }

    /** HTTP 200 with a JSON body that ends in the middle. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 200, Duration.ZERO);
    }

    /** An HTML error page with the given HTTP status (e.g. 502 from a proxy). */
    public static Fault htmlPage(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("HTML page status must be 2xx to 5xx, was " + status);
        }
        return new Fault(Kind.HTML_PAGE, status, Duration.ZERO);
    }

    /** The normal answer, held back for {@code delay} more (without blocking a server thread). */
    public static Fault latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + delay);
        }
        return new Fault(Kind.LATENCY, 0, delay);
    }

    /** No answer for ten minutes (or until the simulator closes). */
    public static Fault hang() {
        return new Fault(Kind.HANG, 0, Duration.ofMinutes(10));
    }

    /** getCourses answers OK with {@code []}. */
    public static Fault emptyCourses() {
        return new Fault(Kind.EMPTY_COURSES, 200, Duration.ZERO);
    }

    /** The access token of the request expires at once: HTTP 401 now and for every later use of it. */
    public static Fault expiredToken() {
        return new Fault(Kind.EXPIRED_TOKEN, 401, Duration.ZERO);
    }

    /** False for a fault that cannot affect this operation (an expired token does not affect a token request). */
    boolean appliesTo(Operation operation) {
        return kind != Kind.EXPIRED_TOKEN || operation != Operation.TOKEN;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status this fault answers with (0 when it keeps the normal answer's). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The delay of LATENCY and HANG, the Retry-After of TOO_MANY_REQUESTS, else zero. */
    public Duration duration() {
        return duration;
    }

    /** The answer instead of the normal one, or null when the normal answer is computed (and then {@link #adjust}ed). */
    Answer replacement() {
        return switch (kind) {
            case INTERNAL_SERVER_ERROR -> Answer.envelope(200, Envelope.error("INTERNAL_SERVER_ERROR"));
            case HTTP_STATUS -> Answer.text(httpStatus, "text/plain", "HTTP " + httpStatus + " (simulated fault)");
            case TOO_MANY_REQUESTS -> Answer.text(429, "text/plain", "Too Many Requests")
                    .withRetryAfter(Long.toString(Math.max(1, duration.toSeconds())));
            case MALFORMED_JSON -> Answer.text(200, Answer.JSON, "{\"result\": [{\"name\": \"VKU\", \"courses\": [{\"id\": ");
            case HTML_PAGE -> Answer.text(httpStatus, "text/html", "<!DOCTYPE html><html><head><title>" + httpStatus
                    + " Error</title></head><body><h1>" + httpStatus + " Error</h1><p>The server could not"
                    + " handle the request.</p></body></html>");
            case LATENCY, HANG, EMPTY_COURSES, EXPIRED_TOKEN -> null;
        };
    }

    /** The normal answer as changed by a fault that keeps it. */
    Envelope adjust(Operation operation, Envelope envelope) {
        if (kind == Kind.EMPTY_COURSES && operation == Operation.COURSES && Envelope.OK.equals(envelope.status())) {
            return Envelope.ok(java.util.List.of());
        }
        return envelope;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HTTP_STATUS, HTML_PAGE -> kind + "(" + httpStatus + ")";
            case TOO_MANY_REQUESTS, LATENCY, HANG -> kind + "(" + duration + ")";
            default -> kind.toString();
        };
    }
}
