package io.github.sarisync.internal.client;

import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.client.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Repeats an attempt that failed transiently, as the {@link RetryPolicy} says: exponential backoff
 * with jitter, or the server's {@code Retry-After} when it sent one; at most {@code maxRetries}
 * repeats, and none whose wait would end later than {@code maxTotal} after the first attempt
 * (both measured with the injected clock).
 */
public final class RetryLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RetryLoop.class);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    public RetryLoop(RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** One attempt; numbered from 1. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws TransientFault;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good or retrying is exhausted.
     *
     * @throws SariException the final failure; for an exhausted retry, the last transient one
     */
    public <T> T run(String operation, Attempt<T> attempt) {
        Instant deadline = clock.instant().plus(policy.maxTotal());
        for (int n = 1; ; n++) {
            TransientFault fault;
            try {
                return attempt.run(n);
            } catch (TransientFault f) {
                fault = f;
            }
            SariException failure = fault.failure();
            int retry = n;
            if (retry > policy.maxRetries()) {
                throw givenUp(failure, n);
            }
            Duration wait = fault.retryAfter()
                    .orElseGet(() -> policy.delay(retry, ThreadLocalRandom.current().nextDouble()));
            if (clock.instant().plus(wait).isAfter(deadline)) {
                LOG.debug("{}: {} (HTTP {}); not retrying, a wait of {} ms would pass the limit of {}",
                        operation, failure.status(), failure.httpStatus(), wait.toMillis(), policy.maxTotal());
                throw givenUp(failure, n);
            }
            LOG.debug("{}: {} (HTTP {}); retry {} of {} in {} ms", operation, failure.status(), failure.httpStatus(),
                    retry, policy.maxRetries(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SariException(SariErrorCode.INTERRUPTED, null, operation, 0,
                        operation + ": interrupted while waiting to retry");
            }
        }
    }

    private static SariException givenUp(SariException failure, int attempts) {
        if (attempts == 1) {
            return failure;
        }
        return new SariException(failure.code(), failure.status(), failure.operation(), failure.httpStatus(),
                failure.getMessage() + " (gave up after " + attempts + " attempts)", failure.getCause());
    }
}
