package io.github.sarisync.examples.chaos;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.sync.SariClientFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The SARI clients of a chaos run: the library's retry rules with short backoff delays (a
 * {@code Retry-After} from SARI is still honoured as sent), no rate limit (the simulator has no
 * fair-use limit here), a short request timeout so that a hanging answer costs little, and the
 * run's clock.
 */
final class ChaosClients {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    static final RetryPolicy RETRY = RetryPolicy.builder().maxRetries(3).initialDelay(Duration.ofMillis(10))
            .maxDelay(Duration.ofMillis(80)).maxTotal(Duration.ofSeconds(20)).build();

    private ChaosClients() {
    }

    static SariClientFactory factory(Clock clock) {
        return SariClientFactory.customized(b -> b.clock(clock).retry(RETRY).rateLimit(RateLimit.unlimited())
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(REQUEST_TIMEOUT));
    }
}
