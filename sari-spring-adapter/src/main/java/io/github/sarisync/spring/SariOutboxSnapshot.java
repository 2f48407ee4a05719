package io.github.sarisync.spring;

import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxSummary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The outbox's {@link OutboxSummary} as read at most once per time-to-live, for the health indicator:
 * a probe every few seconds would otherwise run the summary query each time. A failed read is
 * remembered for the same time. Thread-safe.
 */
public final class SariOutboxSnapshot {
    private final EnrollmentOutbox outbox;
    private final Duration gaveUpWindow;
    private final Duration ttl;
    private final Clock clock;
    private Instant readAt;
    private OutboxSummary summary;
    private RuntimeException failure;

    /**
     * @param gaveUpWindow entries given up on within this window before each read count
     * @param ttl          how long one read serves; zero reads on every call
     */
    public SariOutboxSnapshot(EnrollmentOutbox outbox, Duration gaveUpWindow, Duration ttl, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.gaveUpWindow = Objects.requireNonNull(gaveUpWindow, "gaveUpWindow");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be zero or positive, was " + ttl);
        }
    }

    /** The window in which given-up entries count. */
    public Duration gaveUpWindow() {
        return gaveUpWindow;
    }

    /**
     * The summary as of the last read within the TTL.
     *
     * @throws RuntimeException the store's own exception when the last read failed
     */
    public synchronized OutboxSummary summary() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(ttl))) {
            readAt = now;
            try {
                summary = outbox.summary(now.minus(gaveUpWindow));
                failure = null;
            } catch (RuntimeException e) {
                summary = null;
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return summary;
    }
}
