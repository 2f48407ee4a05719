package io.github.sarisync.sync;

import io.github.sarisync.spi.SyncCounts;

import java.time.Instant;
import java.util.List;

/**
 * The summary of one {@code syncAll}/{@code syncDue}: one {@link TenantSyncResult} per tenant
 * considered.
 */
public record SyncReport(Instant startedAt, Instant finishedAt, List<TenantSyncResult> results) {
    public SyncReport {
        results = List.copyOf(results);
    }

    /** True when no tenant failed. */
    public boolean success() {
        return results.stream().noneMatch(r -> r.outcome() == SyncOutcome.FAILED);
    }

    /** Tenants that ran (not SKIPPED). */
    public int tenantsProcessed() {
        return (int) results.stream().filter(r -> r.outcome() != SyncOutcome.SKIPPED).count();
    }

    /** Course-type syncs that were applied, summed over the tenants. */
    public int totalSyncs() {
        return results.stream().mapToInt(r -> r.counts().size()).sum();
    }

    public List<FailedTenant> failedTenants() {
        return results.stream().filter(r -> r.outcome() == SyncOutcome.FAILED)
                .map(r -> new FailedTenant(r.tenantId(), r.tenantName(),
                        r.errorCode() + ": " + r.errorMessage()))
                .toList();
    }

    public long count(SyncOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /**
     * Tenants SKIPPED because another instance was syncing them (error code {@code LOCKED}). They have
     * no run-log row: the instance that holds the lease records the real run.
     */
    public int skippedLocked() {
        return (int) results.stream().filter(TenantSyncResult::skippedLocked).count();
    }

    /** Writes the stores refused because a run had lost its tenant's lease, summed over the tenants. */
    public int refusedWrites() {
        return results.stream().mapToInt(TenantSyncResult::refusedWrites).sum();
    }

    /** Counts summed over all tenants and types. */
    public SyncCounts total() {
        return results.stream().map(TenantSyncResult::total).reduce(SyncCounts.ZERO, SyncCounts::plus);
    }
}
