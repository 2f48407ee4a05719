package io.github.sarisync.enrollment;

import io.github.sarisync.spi.EnrollmentOutbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the outbox claims of one operation or outbox run alive while it works: at each checkpoint
 * (before each SARI call), once a third of the lease has passed since the last extension, it extends
 * every claim it holds, as the engine's tenant lease does. Durations are measured in the application's
 * clock; the expiry itself is computed by the store in its own clock. Not thread-safe: one per run.
 */
final class ClaimKeeper {
    private final EnrollmentOutbox outbox;
    private final Duration lease;
    private final Duration extendEvery;
    private final Clock clock;
    private final Set<String> tokens = new LinkedHashSet<>();
    private Instant extendedAt;

    ClaimKeeper(EnrollmentOutbox outbox, Duration lease, Clock clock) {
        this.outbox = outbox;
        this.lease = lease;
        this.extendEvery = Duration.ofMillis(lease.toMillis() / 3);
        this.clock = clock;
    }

    /** Starts keeping a claim the caller has just taken. */
    void hold(String token) {
        if (token != null && tokens.add(token) && extendedAt == null) {
            extendedAt = clock.instant();
        }
    }

    /** The checkpoint: extends the claims when a third of the lease has passed. */
    void keepAlive() {
        if (tokens.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(extendedAt, now).compareTo(extendEvery) < 0) {
            return;
        }
        // a claim that can no longer be extended was lost; its entries are refused one by one at markInFlight
        tokens.removeIf(token -> outbox.extendClaims(token, lease) == 0);
        extendedAt = now;
    }
}
