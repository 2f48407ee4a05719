package io.github.sarisync.examples.bench;

import java.util.Locale;

/**
 * The figures of one benchmark round, printed as one line:
 * {@code bench round=warm tenants=1000 parts=30000 requests=2000 requests_per_tenant=2.0 ...}.
 *
 * @param round             {@code cold} or {@code warm}
 * @param tenants           tenants synced
 * @param parts             course parts at SARI across all tenants
 * @param requests          requests the simulator answered (every attempt, retries included)
 * @param tokens            of those, token requests
 * @param lists             of those, course lists
 * @param details           of those, course details
 * @param statements        JDBC statements executed
 * @param rowsWritten       course, group and member rows inserted, updated or deleted
 * @param wallSeconds       time of the whole round
 * @param lowerBoundSeconds {@code requests x latency / parallelism}: what the requests alone need
 * @param peakHeapBytes     peak heap of the process during the round (sum of the pools' peaks, garbage included)
 * @param peakLiveHeapBytes the most heap still in use after a garbage collection during the round
 * @param failedTenants     tenants whose sync did not succeed
 * @param maxPerMinute      the highest request count of one school within a minute, -1 when not watched
 * @param cpuSeconds        CPU time this process used during the round (engine, client, simulator)
 * @param dbCpuSeconds      CPU time the database processes used during the round (embedded PostgreSQL)
 */
public record RoundFigures(String round, int tenants, long parts, long requests, long tokens, long lists, long details,
                           long statements, long rowsWritten, double wallSeconds, double lowerBoundSeconds,
                           long peakHeapBytes, long peakLiveHeapBytes, int failedTenants, int maxPerMinute, double cpuSeconds,
                           double dbCpuSeconds) {

    public double requestsPerTenant() {
        return (double) requests / tenants;
    }

    public double statementsPerTenant() {
        return (double) statements / tenants;
    }

    /** {@code wall / lower bound}; 0 when there is no lower bound (no latency). */
    public double ratio() {
        return lowerBoundSeconds > 0 ? wallSeconds / lowerBoundSeconds : 0;
    }

    /** The line the {@code bench} command prints. */
    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "bench round=%s tenants=%d parts=%d requests=%d requests_per_tenant=%.2f statements_per_tenant=%.2f "
                        + "rows_written=%d wall_s=%.2f lower_bound_s=%.2f ratio=%.2f peak_heap_mb=%d",
                round, tenants, parts, requests, requestsPerTenant(), statementsPerTenant(), rowsWritten, wallSeconds,
                lowerBoundSeconds, ratio(), peakHeapBytes / (1024 * 1024)));
        line.append(String.format(Locale.ROOT,
                " live_heap_mb=%d tokens=%d lists=%d details=%d failed=%d cpu_s=%.1f db_cpu_s=%.1f",
                peakLiveHeapBytes / (1024 * 1024), tokens, lists, details, failedTenants, cpuSeconds, dbCpuSeconds));
        if (maxPerMinute >= 0) {
            line.append(" max_requests_per_school_minute=").append(maxPerMinute);
        }
        return line.toString();
    }
}
