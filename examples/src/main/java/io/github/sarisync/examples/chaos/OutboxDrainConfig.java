package io.github.sarisync.examples.chaos;

import java.time.Duration;
import java.util.Objects;

/**
 * The size of the outbox round ({@link OutboxDrainScenario}).
 *
 * @param workers outbox workers (each an EnrollmentService with its own pool and JDBC outbox) draining at once
 * @param entries outbox entries to carry out (three enrolments to each unenrolment)
 * @param lease   the workers' claim lease
 * @param latency how long SARI takes to answer each request; longer than the lease makes claims expire mid-call
 * @param seed    seeds which students and parts the entries name
 */
public record OutboxDrainConfig(int workers, int entries, Duration lease, Duration latency, long seed) {
    public OutboxDrainConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("outbox workers must be >= 1, was " + workers);
        }
        if (entries < 1) {
            throw new IllegalArgumentException("outbox entries must be >= 1, was " + entries);
        }
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(latency, "latency");
        if (lease.toMillis() < 100) {
            throw new IllegalArgumentException("outbox lease must be at least 100 ms, was " + lease);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("outbox latency must not be negative, was " + latency);
        }
    }
}
