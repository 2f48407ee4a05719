package io.github.sarisync.examples.chaos;

/**
 * What scenario 1 found.
 *
 * @param requests        requests the simulator received, faults included
 * @param faults          requests answered with an injected fault
 * @param mismatches      differences between the database and the simulator after the clean round
 * @param duplicates      surplus rows sharing a natural key
 * @param lostRuns        rounds not accounted for in the run log or tenant states
 * @param failedTenantRuns  tenant runs FAILED in the rounds with faults
 * @param partialTenantRuns tenant runs PARTIAL in the rounds with faults
 */
public record FaultsResult(int tenants, int rounds, long requests, long faults, Findings mismatches,
                           Findings duplicates, Findings lostRuns, int failedTenantRuns, int partialTenantRuns,
                           int partsChecked, int membersChecked, double wallSeconds) {

    /** One line of figures. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "chaos faults tenants=%d rounds=%d requests=%d faults=%d "
                        + "failed_runs=%d partial_runs=%d parts=%d members=%d mismatches=%d duplicates=%d lost_runs=%d "
                        + "wall_s=%.1f", tenants, rounds, requests, faults, failedTenantRuns, partialTenantRuns,
                partsChecked, membersChecked, mismatches.count(), duplicates.count(), lostRuns.count(), wallSeconds);
    }
}
