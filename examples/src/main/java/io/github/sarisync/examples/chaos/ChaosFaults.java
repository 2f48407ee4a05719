package io.github.sarisync.examples.chaos;

import io.github.sarisync.testkit.Fault;
import io.github.sarisync.testkit.FaultRule;
import io.github.sarisync.testkit.SariSimulator;

import java.time.Duration;
import java.util.List;

/**
 * The faults of the chaos run, each kind taking an equal share of a given share of all requests:
 * SARI's INTERNAL_SERVER_ERROR envelope, bare HTTP 500 and 503, 429 with a short {@code Retry-After},
 * a JSON body cut off, an HTML error page from a proxy, a slow answer (still inside the client's
 * timeout), no answer at all (the client times out) and an access token that expires on the spot.
 * Drawn from seeded random sequences, so a run with one worker thread is reproducible.
 */
public final class ChaosFaults {
    /** The held-back answer of a slow fault; below the chaos client's request timeout. */
    static final Duration SLOW_ANSWER = Duration.ofMillis(300);
    /** The Retry-After of a 429: SARI's whole seconds, the shortest it sends. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private ChaosFaults() {
    }

    /** The kinds injected, in the order their rules are tried. */
    public static List<Fault> kinds() {
        return List.of(Fault.internalServerError(), Fault.httpStatus(500), Fault.httpStatus(503),
                Fault.tooManyRequests(RETRY_AFTER), Fault.malformedJson(), Fault.htmlPage(502),
                Fault.latency(SLOW_ANSWER), Fault.hang(), Fault.expiredToken());
    }

    /**
     * Injects one rule per kind so that each kind hits {@code rate / kinds} of all requests. The
     * simulator tries rules in order and the first that fires wins, so rule {@code i} fires with the
     * conditional probability {@code share / (1 - i * share)}.
     *
     * @throws IllegalArgumentException when the rate is not in (0, 1]
     */
    public static void inject(SariSimulator simulator, double rate, long seed) {
        if (!(rate > 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("fault rate must be > 0 and <= 1, was " + rate);
        }
        List<Fault> kinds = kinds();
        double share = rate / kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            double conditional = Math.min(1.0, share / (1.0 - i * share));
            simulator.inject(FaultRule.of(kinds.get(i)).probability(conditional, seed + i).always());
        }
    }
}
