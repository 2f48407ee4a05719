package io.github.sarisync.examples.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * What scenario 4 found.
 *
 * @param syncs            successful (or PARTIAL) tenant runs of the engines
 * @param runs             tenant runs of the engines, those skipped because another held the lease included
 * @param requests         requests the simulator received (the settle round included)
 * @param maxLag           the longest time from the start of a tenant's interval to its sync (first syncs aside):
 *                         near the interval, the engines could not keep up with the load
 * @param overlaps         leases granted to one instance while another held them
 * @param skippedIntervals intervals of a tenant without a sync
 * @param doubleSyncs      syncs beyond the first in one interval of a tenant
 * @param missingRuns      runs absent from the run log or logged with another status
 * @param mismatches       differences between the database and the simulator after the settle round
 * @param duplicates       surplus rows sharing a natural key
 */
public record ConcurrentResult(int instances, int tenants, long syncs, long runs, long requests, Duration maxLag,
                               Findings overlaps,
                               Findings skippedIntervals, Findings doubleSyncs, Findings missingRuns,
                               Findings mismatches, Findings duplicates, double wallSeconds) {

    /** Lost runs in the sense of the final line: intervals without a sync, double syncs, runs not logged. */
    public int lostRuns() {
        return skippedIntervals.count() + doubleSyncs.count() + missingRuns.count();
    }

    /** One line of figures. */
    public String line() {
        return String.format(Locale.ROOT, "chaos concurrent instances=%d tenants=%d runs=%d syncs=%d requests=%d "
                        + "max_lag_ms=%d skipped_intervals=%d double_syncs=%d unlogged_runs=%d mismatches=%d "
                        + "duplicates=%d overlaps=%d wall_s=%.1f", instances, tenants, runs, syncs, requests,
                maxLag.toMillis(),
                skippedIntervals.count(), doubleSyncs.count(), missingRuns.count(), mismatches.count(),
                duplicates.count(), overlaps.count(), wallSeconds);
    }
}
