package io.github.sarisync.internal.client;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code permits} requests in any window of {@code period}, for one client. A caller over
 * the limit reserves the next free slot under a short lock and then sleeps outside it, so callers
 * are served in order and a waiting caller never blocks another client's limiter. A slot reserved
 * by a caller that is interrupted while waiting stays used (the limiter errs on the safe side).
 */
public final class SlidingWindowRateLimiter {
    private static final SlidingWindowRateLimiter UNLIMITED = new SlidingWindowRateLimiter(0, Duration.ZERO, null, null);

    private final int permits;
    private final Duration period;
    private final Clock clock;
    private final Sleeper sleeper;
    /** The start times of the last {@code permits} grants (some may lie in the future), oldest first. */
    private final ArrayDeque<Instant> grants = new ArrayDeque<>();

    private SlidingWindowRateLimiter(int permits, Duration period, Clock clock, Sleeper sleeper) {
        this.permits = permits;
        this.period = period;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A limiter for {@code limit}; one that never waits when the limit is unlimited. */
    public static SlidingWindowRateLimiter of(RateLimit limit, Clock clock, Sleeper sleeper) {
        if (limit.isUnlimited()) {
            return UNLIMITED;
        }
        return new SlidingWindowRateLimiter(limit.permits(), limit.period(), clock, sleeper);
    }

    /**
     * Takes a permit, waiting (through the sleeper) until one is free.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public void acquire() throws InterruptedException {
        if (permits == 0) {
            return;
        }
        Duration wait;
        synchronized (grants) {
            Instant now = clock.instant();
            Instant slot = now;
            if (grants.size() >= permits) {
                Instant freed = grants.pollFirst().plus(period);
                if (freed.isAfter(slot)) {
                    slot = freed;
                }
            }
            grants.addLast(slot);
            wait = Duration.between(now, slot);
        }
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }
}
