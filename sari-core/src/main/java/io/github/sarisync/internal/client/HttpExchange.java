package io.github.sarisync.internal.client;

import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.client.SariRequestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt: takes a rate-limit permit, sends the request, reads the body up to the size
 * limit, all within the request timeout (a body still arriving then is abandoned and its connection
 * closed), and turns I/O faults and timeouts into {@link TransientFault}s. Request URIs
 * are never logged (the token request carries secrets in its query). {@link #report} logs the
 * outcome at DEBUG and tells the request listener, which is guarded.
 */
public final class HttpExchange {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.sarisync.client.http");

    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxResponseBytes;
    private final SlidingWindowRateLimiter limiter;
    private final SariRequestListener listener;
    private final Secrets secrets;

    public HttpExchange(HttpClient http, Duration requestTimeout, long maxResponseBytes,
                        SlidingWindowRateLimiter limiter, SariRequestListener listener, Secrets secrets) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.limiter = limiter;
        this.listener = listener;
        this.secrets = secrets;
    }

    /** An answer as received. */
    public record Answer(int httpStatus, HttpHeaders headers, BoundedBody body, long nanos) {
    }

    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Sends one request. Answers of every HTTP status are returned; the caller reports them.
     *
     * @param subject what the call is about, safe to log (e.g. a course id, a masked faberid)
     * @throws TransientFault on a timeout or an I/O error (already reported)
     * @throws SariException  INTERRUPTED when the thread is interrupted while waiting
     */
    public Answer send(String operation, String subject, HttpRequest.Builder request) throws TransientFault {
        HttpRequest built = request.timeout(requestTimeout).build();
        SlidingWindowRateLimiter.Permit permit;
        try {
            permit = limiter.acquire();
        } catch (InterruptedException e) {
            throw interrupted(operation, "a rate-limit permit");
        }
        try {
            return exchange(operation, subject, built);
        } finally {
            permit.done();
        }
    }

    private Answer exchange(String operation, String subject, HttpRequest built) throws TransientFault {
        long start = System.nanoTime();
        // the JDK's request timeout ends with the headers; the deadline here covers the body as well
        CompletableFuture<HttpResponse<BoundedBody>> pending = http.sendAsync(built,
                BoundedBody.handler(maxResponseBytes));
        try {
            HttpResponse<BoundedBody> response = pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), response.headers(), response.body(), System.nanoTime() - start);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(operation, subject, start, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Error error) {
                throw error;
            }
            Exception failure = (Exception) cause;
            if (failure instanceof HttpTimeoutException) {
                throw timeout(operation, subject, start, failure);
            }
            report(operation, subject, SariErrorCode.IO_ERROR.name(), 0, System.nanoTime() - start);
            throw new TransientFault(new SariException(SariErrorCode.IO_ERROR, null, operation, 0,
                    operation + " failed: connection error (" + failure.getClass().getSimpleName() + ")",
                    secrets.scrubbed(failure)), null);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw interrupted(operation, "an answer");
        }
    }

    private TransientFault timeout(String operation, String subject, long start, Exception cause) {
        report(operation, subject, SariErrorCode.TIMEOUT.name(), 0, System.nanoTime() - start);
        String what = cause instanceof HttpConnectTimeoutException ? "could not connect in time"
                : "no complete answer within " + requestTimeout.toMillis() + " ms";
        return new TransientFault(new SariException(SariErrorCode.TIMEOUT, null, operation, 0,
                operation + " failed: " + what, secrets.scrubbed(cause)), null);
    }

    /** Logs an attempt's outcome at DEBUG and tells the listener. */
    public void report(String operation, String subject, String status, int httpStatus, long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}{} -> HTTP {}, status {}, {} ms", operation, subject.isEmpty() ? "" : " (" + subject + ")",
                    httpStatus, status, duration.toMillis());
        }
        try {
            listener.onRequest(operation, status, httpStatus, duration);
        } catch (RuntimeException e) {
            LOG.warn("SARI request listener threw {} for {}; ignored", e.getClass().getName(), operation, e);
        }
    }

    private static SariException interrupted(String operation, String waitingFor) {
        Thread.currentThread().interrupt();
        return new SariException(SariErrorCode.INTERRUPTED, null, operation, 0,
                operation + ": interrupted while waiting for " + waitingFor);
    }
}
