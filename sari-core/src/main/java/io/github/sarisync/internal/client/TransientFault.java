package io.github.sarisync.internal.client;

import io.github.sarisync.client.SariException;

import java.time.Duration;
import java.util.Optional;

/**
 * Signals from one attempt to the {@link RetryLoop} that the call failed in a way worth repeating
 * (server fault, 429, I/O error, timeout). Holds the exception the caller gets if retrying stops,
 * and the server's {@code Retry-After} wish when it sent one.
 */
public final class TransientFault extends Exception {
    private final transient SariException failure;
    private final transient Duration retryAfter;

    public TransientFault(SariException failure, Duration retryAfter) {
        super(failure.getMessage(), null, false, false);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public SariException failure() {
        return failure;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
