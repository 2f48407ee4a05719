package io.github.sarisync.examples.chaos;

import java.util.Locale;

/**
 * What the "lease stolen mid-run" round found.
 *
 * @param tenants       driving schools, each stolen once
 * @param steals        runs frozen inside their write while another engine took their lease and synced
 * @param refusedWrites writes of the frozen runs the database refused once they went on
 * @param leaseLostRuns frozen runs that ended FAILED with LEASE_LOST
 * @param staleWrites   writes of a frozen run that landed after all: a course row, the tenant state or a
 *                      successful run-log row of the run that had lost its lease (must be none)
 * @param problems      steals that did not go as planned (the thief failed, a run never reached its write)
 */
public record LeaseStealResult(int tenants, int steals, int refusedWrites, int leaseLostRuns, Findings staleWrites,
                               Findings problems, double wallSeconds) {

    /** One line of figures. */
    public String line() {
        return String.format(Locale.ROOT, "chaos lease-steal tenants=%d steals=%d refused_writes=%d lease_lost_runs=%d "
                        + "stale_writes=%d problems=%d wall_s=%.1f", tenants, steals, refusedWrites, leaseLostRuns,
                staleWrites.count(), problems.count(), wallSeconds);
    }
}
