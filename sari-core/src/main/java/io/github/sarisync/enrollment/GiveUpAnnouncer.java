package io.github.sarisync.enrollment;

import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells the {@link OutboxListener} of every give-up once, even when the process that gave up died before
 * telling: each give-up is marked told in the outbox ({@link EnrollmentOutbox#markGiveUpAnnounced}, one
 * conditional write) before the listener hears of it, so two processes never both tell the same one, and
 * every outbox run tells the give-ups still unmarked after a grace period (the claim lease, in the store's
 * clock, which leaves the process that gave up time to tell first).
 *
 * <p>The price of never telling twice: a process that dies between the mark and the listener's call (no
 * store write lies between them) loses that one announcement. The give-up itself is in the store and the
 * outbox health shows it either way.
 */
final class GiveUpAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(GiveUpAnnouncer.class);

    private final EnrollmentOutbox outbox;
    private final OutboxListener listener;
    private final Duration grace;
    private final int limit;

    GiveUpAnnouncer(EnrollmentOutbox outbox, OutboxListener listener, Duration grace, int limit) {
        this.outbox = outbox;
        this.listener = new GuardedOutboxListener(listener);
        this.grace = grace;
        this.limit = limit;
    }

    /** Tells a give-up this run has just written, unless another process told it already. */
    void tell(OutboxEntry givenUp, Instant now) {
        if (mark(givenUp)) {
            listener.entryGaveUp(OutboxGiveUp.of(givenUp, now));
        }
    }

    /**
     * Tells the give-ups earlier runs wrote and nobody told (oldest first, at most one batch); their
     * {@link OutboxGiveUp#gaveUpAt()} is the store's stamp.
     *
     * @return how many this call told
     */
    int tellUnannounced() {
        int told = 0;
        for (OutboxEntry entry : outbox.unannouncedGiveUps(grace, limit)) {
            if (mark(entry)) {
                LOG.info("outbox: entry {} was given up on at {} and not announced (the process that gave up"
                        + " stopped first); announcing it now", entry.id(), entry.gaveUpAt());
                listener.entryGaveUp(OutboxGiveUp.of(entry, entry.gaveUpAt()));
                told++;
            }
        }
        return told;
    }

    private boolean mark(OutboxEntry entry) {
        try {
            return outbox.markGiveUpAnnounced(entry.id());
        } catch (RuntimeException e) {
            // unmarked, it is told by a later run
            LOG.warn("outbox: marking the give-up of entry {} as announced failed; a later run announces it: {}",
                    entry.id(), e.toString());
            return false;
        }
    }
}
