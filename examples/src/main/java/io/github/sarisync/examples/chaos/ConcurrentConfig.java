package io.github.sarisync.examples.chaos;

import java.time.Duration;
import java.util.Objects;

/**
 * The size of scenario 4 ({@link ConcurrentScenario}).
 *
 * @param instances   engines running {@code syncDue} in a loop on the one database
 * @param tenants     driving schools
 * @param duration    how long the engines run (real time)
 * @param interval    every tenant's sync interval
 * @param seed        seeds the schools and the weather
 * @param parallelism tenants each engine syncs at once
 */
public record ConcurrentConfig(int instances, int tenants, Duration duration, Duration interval, long seed,
                               int parallelism) {
    public ConcurrentConfig {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be >= 1, was " + instances);
        }
        if (tenants < 1) {
            throw new IllegalArgumentException("tenants must be >= 1, was " + tenants);
        }
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException("interval must be at least 100 ms, was " + interval);
        }
        if (duration.compareTo(interval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("duration must be at least two intervals (" + interval.multipliedBy(2)
                    + "), was " + duration);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
    }
}
