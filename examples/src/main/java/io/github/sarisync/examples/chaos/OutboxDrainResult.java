package io.github.sarisync.examples.chaos;

import java.util.Locale;

/**
 * What the outbox round found.
 *
 * @param sends        enrol and unenrol calls SARI received
 * @param doubleSends  enrol/unenrol calls beyond the first for one part and student (a change sent twice)
 * @param dropped      entries not carried out: not SUCCEEDED in the outbox, or their change missing at SARI
 * @param lostClaims   entries a worker had claimed and lost to another worker before writing their outcome
 * @param checks       course-detail calls (an entry left in flight checked against SARI before re-sending)
 */
public record OutboxDrainResult(OutboxDrainConfig config, long sends, long doubleSends, Findings dropped,
                                long lostClaims, long checks, double wallSeconds) {

    /** One line of figures. */
    public String line() {
        return String.format(Locale.ROOT, "chaos outbox workers=%d entries=%d lease_ms=%d latency_ms=%d sends=%d "
                        + "double_sends=%d dropped=%d lost_claims=%d course_detail_checks=%d wall_s=%.1f",
                config.workers(), config.entries(), config.lease().toMillis(), config.latency().toMillis(), sends,
                doubleSends, dropped.count(), lostClaims, checks, wallSeconds);
    }
}
