package io.github.sarisync.spi;

import java.time.Instant;

/**
 * Counts of an {@link EnrollmentOutbox} for health checks, without any personal data.
 *
 * @param gaveUp              FAILED_PERMANENTLY entries written at or after the asked instant that had been retried
 *                            (more than one attempt): changes the outbox gave up on
 * @param firstGaveUpAt       the earliest of those entries' last write, null when none
 * @param pending             PENDING entries
 * @param oldestPendingSince  creation time of the oldest PENDING entry, null when none
 */
public record OutboxSummary(int gaveUp, Instant firstGaveUpAt, int pending, Instant oldestPendingSince) {
    public static final OutboxSummary EMPTY = new OutboxSummary(0, null, 0, null);
}
