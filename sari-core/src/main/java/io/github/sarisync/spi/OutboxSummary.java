package io.github.sarisync.spi;

import java.time.Instant;

/**
 * Counts of an {@link EnrollmentOutbox} for health checks, without any personal data.
 *
 * @param gaveUp              entries an outbox run gave up on (FAILED_PERMANENTLY with a
 *                            {@link OutboxEntry#gaveUpAt() gaveUpAt}) at or after the asked instant: changes that were
 *                            not made and that nobody was waiting for
 * @param firstGaveUpAt       the earliest of those give-ups (the store's clock), null when none
 * @param lastGaveUpAt        the latest of those give-ups (the store's clock), null when none
 * @param pending             PENDING entries
 * @param oldestPendingSince  creation time of the oldest PENDING entry, null when none
 */
public record OutboxSummary(int gaveUp, Instant firstGaveUpAt, Instant lastGaveUpAt, int pending,
                            Instant oldestPendingSince) {
    public static final OutboxSummary EMPTY = new OutboxSummary(0, null, null, 0, null);

    /** A summary whose give-ups all happened at {@code firstGaveUpAt} (or none). */
    public OutboxSummary(int gaveUp, Instant firstGaveUpAt, int pending, Instant oldestPendingSince) {
        this(gaveUp, firstGaveUpAt, firstGaveUpAt, pending, oldestPendingSince);
    }
}
