package io.github.sarisync.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client waits before repeating a call that failed transiently
 * (INTERNAL_SERVER_ERROR, HTTP 5xx, 429, I/O errors, timeouts). Business statuses are never retried.
 * The delay before retry {@code n} (1-based) is {@code initialDelay * multiplier^(n-1)}, capped at
 * {@code maxDelay}, with up to {@code jitter} of it added or taken at random; a {@code Retry-After}
 * header replaces it. Retrying stops after {@code maxRetries} or when the next wait would end past
 * {@code maxTotal} from the first attempt.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxRetries(5).initialDelay(Duration.ofMillis(200)).build();
 * }</pre>
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final Duration maxTotal;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxTotal = b.maxTotal;
    }

    /** 3 retries, 1 s doubling up to 20 s, 20 % jitter, 60 s in all. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retry at all. */
    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public double multiplier() {
        return multiplier;
    }

    public double jitter() {
        return jitter;
    }

    public Duration maxTotal() {
        return maxTotal;
    }

    /**
     * The delay before retry {@code retry} (1-based) without jitter.
     */
    public Duration baseDelay(int retry) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        long capped = (long) Math.min(millis, (double) maxDelay.toMillis());
        return Duration.ofMillis(capped);
    }

    /**
     * The delay before retry {@code retry} with jitter applied, {@code random} in [0, 1).
     */
    public Duration delay(int retry, double random) {
        long base = baseDelay(retry).toMillis();
        long spread = (long) (base * jitter * (2 * random - 1));
        return Duration.ofMillis(Math.max(0, base + spread));
    }

    public Builder toBuilder() {
        return new Builder().maxRetries(maxRetries).initialDelay(initialDelay).maxDelay(maxDelay)
                .multiplier(multiplier).jitter(jitter).maxTotal(maxTotal);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxTotal=" + maxTotal + "]";
    }

    /** Builds a {@link RetryPolicy}; {@link #build()} rejects settings out of range, naming them. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration initialDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(20);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private Duration maxTotal = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** Share of the delay added or taken at random, 0 to 1. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        public Builder maxTotal(Duration maxTotal) {
            this.maxTotal = maxTotal;
            return this;
        }

        public RetryPolicy build() {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("retry.maxRetries must be >= 0, was " + maxRetries);
            }
            requirePositive(initialDelay, "retry.initialDelay");
            requirePositive(maxDelay, "retry.maxDelay");
            requirePositive(maxTotal, "retry.maxTotal");
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("retry.maxDelay (" + maxDelay + ") must not be below retry.initialDelay ("
                        + initialDelay + ")");
            }
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("retry.multiplier must be >= 1, was " + multiplier);
            }
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("retry.jitter must be between 0 and 1, was " + jitter);
            }
            return new RetryPolicy(this);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
        }
    }
}
