package io.github.sarisync.enrollment;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox retries changes that failed transiently. After failed attempt {@code n} (1-based)
 * the next attempt is due {@code initialDelay * multiplier^(n-1)} later, capped at {@code maxDelay};
 * after {@code maxAttempts} failed attempts the entry fails permanently with its last error code.
 * Each outbox run claims at most {@code batchSize} due entries, holding them for {@code claimLease}
 * in the outbox store's clock and extending the claim while it works (a run that dies leaves them due
 * again when the lease ends). A live operation holds its own entries the same way, so that an outbox
 * run does not take them while the operation calls SARI. The lease bounds how long a stalled holder
 * (a frozen process, a lost database connection) keeps its entries from the other instances.
 *
 * <pre>{@code
 * OutboxPolicy policy = OutboxPolicy.builder().initialDelay(Duration.ofMinutes(5)).maxAttempts(8).build();
 * }</pre>
 */
public final class OutboxPolicy {
    private static final OutboxPolicy DEFAULTS = builder().build();

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final Duration claimLease;
    private final int batchSize;

    private OutboxPolicy(Builder b) {
        this.initialDelay = b.initialDelay;
        this.multiplier = b.multiplier;
        this.maxDelay = b.maxDelay;
        this.maxAttempts = b.maxAttempts;
        this.claimLease = b.claimLease;
        this.batchSize = b.batchSize;
    }

    /** 1 min doubling up to 6 h, 12 attempts (about 20 hours from first to last), lease 5 min, batch 100. */
    public static OutboxPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, (double) maxDelay.toMillis()));
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration claimLease() {
        return claimLease;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    public String toString() {
        return "OutboxPolicy[initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
                + ", maxAttempts=" + maxAttempts + ", claimLease=" + claimLease + ", batchSize=" + batchSize + "]";
    }

    /** Builds an {@link OutboxPolicy}; {@link #build()} names the setting out of range. */
    public static final class Builder {
        private Duration initialDelay = Duration.ofMinutes(1);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofHours(6);
        private int maxAttempts = 12;
        private Duration claimLease = Duration.ofMinutes(5);
        private int batchSize = 100;

        private Builder() {
        }

        public Builder initialDelay(Duration value) {
            this.initialDelay = value;
            return this;
        }

        public Builder multiplier(double value) {
            this.multiplier = value;
            return this;
        }

        public Builder maxDelay(Duration value) {
            this.maxDelay = value;
            return this;
        }

        /** Failed attempts after which an entry fails permanently; at least 1. */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public Builder claimLease(Duration value) {
            this.claimLease = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public OutboxPolicy build() {
            requirePositive(initialDelay, "outboxPolicy.initialDelay");
            requirePositive(maxDelay, "outboxPolicy.maxDelay");
            requirePositive(claimLease, "outboxPolicy.claimLease");
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("outboxPolicy.maxDelay (" + maxDelay
                        + ") must not be below outboxPolicy.initialDelay (" + initialDelay + ")");
            }
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("outboxPolicy.multiplier must be >= 1, was " + multiplier);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("outboxPolicy.maxAttempts must be >= 1, was " + maxAttempts);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("outboxPolicy.batchSize must be >= 1, was " + batchSize);
            }
            return new OutboxPolicy(this);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name + " must not be null");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + d);
            }
        }
    }
}
