package io.github.sarisync.spring.actuate;

import io.github.sarisync.spi.OutboxSummary;
import io.github.sarisync.spring.SariOutboxSnapshot;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The health of the enrolment outbox (indicator {@code sariOutbox}), read through a {@link SariOutboxSnapshot}
 * (at most one summary query per {@code sari.health.cache-ttl}):
 * <ul>
 *   <li>{@code problemStatus} (DOWN unless configured) when entries were given up on (failed for good in an
 *       outbox run, with nobody waiting for the answer) within the snapshot's window, or when the oldest PENDING
 *       entry was requested longer ago than {@code maxPendingAge} (the outbox is not being drained, or SARI has
 *       refused it for that long);</li>
 *   <li>DOWN when the outbox cannot be read;</li>
 *   <li>UP otherwise.</li>
 * </ul>
 * Details say how many and since when, never who: counts and instants only, no tenant, course or student.
 * The give-ups are read from the outbox alone (each entry's {@code gaveUpAt}, stamped in the store's clock), so
 * they show here whichever instance gave up, also when that instance stopped before it could tell anyone.
 */
public class SariOutboxHealthIndicator implements HealthIndicator {
    private final SariOutboxSnapshot outbox;
    private final Duration maxPendingAge;
    private final Status problemStatus;
    private final Clock clock;

    public SariOutboxHealthIndicator(SariOutboxSnapshot outbox, Duration maxPendingAge, Status problemStatus,
                                     Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.maxPendingAge = Objects.requireNonNull(maxPendingAge, "maxPendingAge");
        this.problemStatus = Objects.requireNonNull(problemStatus, "problemStatus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Health health() {
        OutboxSummary summary;
        try {
            summary = outbox.summary();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "outbox unreadable: " + e.getClass().getName()).build();
        }
        List<String> reasons = new ArrayList<>();
        if (summary.gaveUp() > 0) {
            reasons.add(summary.gaveUp() + " registration change(s) given up on since " + summary.firstGaveUpAt()
                    + " (the latest at " + summary.lastGaveUpAt() + ")");
        }
        Instant oldest = summary.oldestPendingSince();
        if (oldest != null && Duration.between(oldest, clock.instant()).compareTo(maxPendingAge) > 0) {
            reasons.add("a registration change has been pending since " + oldest + ", longer than " + maxPendingAge);
        }
        Health.Builder health = reasons.isEmpty() ? Health.up() : Health.status(problemStatus);
        health.withDetail("gaveUp", summary.gaveUp());
        health.withDetail("gaveUpWindow", outbox.gaveUpWindow().toString());
        if (summary.firstGaveUpAt() != null) {
            health.withDetail("gaveUpSince", summary.firstGaveUpAt().toString());
        }
        if (summary.lastGaveUpAt() != null) {
            health.withDetail("lastGaveUpAt", summary.lastGaveUpAt().toString());
        }
        health.withDetail("pending", summary.pending());
        health.withDetail("oldestPendingSince", oldest == null ? "none" : oldest.toString());
        if (!reasons.isEmpty()) {
            health.withDetail("reasons", reasons);
        }
        return health.build();
    }
}
