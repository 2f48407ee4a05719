package io.github.sarisync.client;

import java.time.Duration;

/**
 * How the client waits (retry backoff, rate limit). Injected so that tests never sleep for real.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the calling thread. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
            }
        };
    }
}
