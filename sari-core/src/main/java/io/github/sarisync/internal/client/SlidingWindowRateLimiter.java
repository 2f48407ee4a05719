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
 *
 * <p>SARI counts a request when it arrives, which is some time after it was sent and before its
 * answer is back. So a permit counts from when its request ended ({@link Permit#done()}), not
 * from when it was sent: the request that waits for the oldest permit then reaches SARI a full
 * period after the oldest one did, however long either took on the way (measured against the
 * simulator: counting from the send let a school's 21st request of a minute arrive within the
 * minute when the first had needed longer to connect).
 */
public final class SlidingWindowRateLimiter {
    private static final SlidingWindowRateLimiter UNLIMITED = new SlidingWindowRateLimiter(0, Duration.ZERO, null, null);

    private final int permits;
    private final Duration period;
    private final Clock clock;
    private final Sleeper sleeper;
    /** The last {@code permits} grants (some may start in the future), oldest first. */
    private final ArrayDeque<Permit> grants = new ArrayDeque<>();

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
     * Takes a permit, waiting (through the sleeper) until one is free. Call {@link Permit#done()}
     * when the request has ended, answered or not.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Permit acquire() throws InterruptedException {
        if (permits == 0) {
            return Permit.NONE;
        }
        Duration wait;
        Permit permit;
        synchronized (grants) {
            Instant now = clock.instant();
            Instant slot = now;
            if (grants.size() >= permits) {
                Instant freed = grants.pollFirst().countsFrom().plus(period);
                if (freed.isAfter(slot)) {
                    slot = freed;
                }
            }
            permit = new Permit(slot, clock);
            grants.addLast(permit);
            wait = Duration.between(now, slot);
        }
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        return permit;
    }

    /** One granted request: counts from its slot until it has ended, then from its end. */
    public static final class Permit {
        private static final Permit NONE = new Permit(Instant.EPOCH, null);

        private final Clock clock;
        private volatile Instant countsFrom;

        private Permit(Instant slot, Clock clock) {
            this.countsFrom = slot;
            this.clock = clock;
        }

        Instant countsFrom() {
            return countsFrom;
        }

        /** The request has ended: the permit counts from now. */
        public void done() {
            if (clock != null) {
                Instant now = clock.instant();
                if (now.isAfter(countsFrom)) {
                    countsFrom = now;
                }
            }
        }
    }
}
