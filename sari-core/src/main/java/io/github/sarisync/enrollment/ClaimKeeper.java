package io.github.sarisync.enrollment;

import io.github.sarisync.spi.EnrollmentOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the outbox claims of one operation or outbox run alive while it works, so that a slow SARI
 * does not let them expire under a holder that is still waiting for an answer: a daemon thread
 * ({@code sari-outbox-claims}, one per run, from its first claim until {@link #close()}) extends every
 * claim held each third of the lease of real time, and each checkpoint (before each SARI call) extends
 * them too once a third of the lease has passed in the service's clock. The expiry itself is computed by
 * the store in its own clock. A claim that can no longer be extended was lost (the holder was stalled
 * longer than the lease and another run took its entries); the store refuses the holder's writes to
 * those entries. Thread-safe.
 */
final class ClaimKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimKeeper.class);

    private final EnrollmentOutbox outbox;
    private final Duration lease;
    private final Duration extendEvery;
    private final Clock clock;
    private final Set<String> tokens = new LinkedHashSet<>();
    private Instant extendedAt;
    private ScheduledExecutorService heartbeat;
    private boolean closed;

    ClaimKeeper(EnrollmentOutbox outbox, Duration lease, Clock clock) {
        this.outbox = outbox;
        this.lease = lease;
        this.extendEvery = Duration.ofMillis(Math.max(1, lease.toMillis() / 3));
        this.clock = clock;
    }

    /** Starts keeping a claim the caller has just taken. */
    synchronized void hold(String token) {
        if (token == null || closed || !tokens.add(token)) {
            return;
        }
        if (extendedAt == null) {
            extendedAt = clock.instant();
        }
        if (heartbeat == null) {
            heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sari-outbox-claims");
                thread.setDaemon(true);
                return thread;
            });
            long period = extendEvery.toMillis();
            heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** The checkpoint: extends the claims when a third of the lease has passed in the service's clock. */
    synchronized void keepAlive() {
        Instant now = clock.instant();
        if (tokens.isEmpty() || Duration.between(extendedAt, now).compareTo(extendEvery) < 0) {
            return;
        }
        extendAll();
        extendedAt = now;
    }

    /** Stops keeping the claims (the run wrote every outcome it could) and ends the heartbeat thread. */
    @Override
    public synchronized void close() {
        closed = true;
        tokens.clear();
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }

    private synchronized void beat() {
        try {
            extendAll();
        } catch (RuntimeException e) {
            // the next beat or checkpoint tries again; should the claim expire meanwhile, the store refuses our writes
            LOG.warn("outbox: extending {} claim(s) failed: {}", tokens.size(), e.toString());
        }
    }

    private void extendAll() {
        tokens.removeIf(token -> outbox.extendClaims(token, lease) == 0);
    }
}
