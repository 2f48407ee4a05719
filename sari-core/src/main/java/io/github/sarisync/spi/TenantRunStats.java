package io.github.sarisync.spi;

/** Finished runs of one tenant in a window, by outcome ("success rate last 24 h"). */
public record TenantRunStats(String tenantId, int succeeded, int partial, int failed, int skipped, int abandoned) {
    public int total() {
        return succeeded + partial + failed + skipped + abandoned;
    }

    /** Share of runs that succeeded (SUCCEEDED or PARTIAL) among those that ran (not SKIPPED); 1.0 when none ran. */
    public double successRate() {
        int ran = succeeded + partial + failed + abandoned;
        return ran == 0 ? 1.0 : (double) (succeeded + partial) / ran;
    }
}
