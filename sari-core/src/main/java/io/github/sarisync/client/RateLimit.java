package io.github.sarisync.client;

import java.time.Duration;

/**
 * How many requests one set of credentials (one driving school) may send to SARI in a period.
 * SARI's operator asks for about 10 a minute. A caller over the limit waits for a permit; it does
 * not fail. The limit holds for every sliding window of {@code period}.
 */
public final class RateLimit {
    private static final RateLimit UNLIMITED = new RateLimit(0, Duration.ZERO);
    private static final RateLimit DEFAULT = perMinute(10);

    private final int permits;
    private final Duration period;

    private RateLimit(int permits, Duration period) {
        this.permits = permits;
        this.period = period;
    }

    /**
     * At most {@code permits} requests in any window of {@code period}.
     *
     * @throws IllegalArgumentException when permits is not positive or the period is not positive
     */
    public static RateLimit of(int permits, Duration period) {
        if (permits <= 0) {
            throw new IllegalArgumentException("rate limit permits must be > 0, was " + permits);
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate limit period must be > 0, was " + period);
        }
        return new RateLimit(permits, period);
    }

    public static RateLimit perMinute(int permits) {
        return of(permits, Duration.ofMinutes(1));
    }

    /** The operator's fair-use figure: 10 requests a minute. */
    public static RateLimit defaults() {
        return DEFAULT;
    }

    /** No limit. */
    public static RateLimit unlimited() {
        return UNLIMITED;
    }

    public boolean isUnlimited() {
        return permits == 0;
    }

    public int permits() {
        return permits;
    }

    public Duration period() {
        return period;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "RateLimit[unlimited]" : "RateLimit[" + permits + " per " + period + "]";
    }
}
