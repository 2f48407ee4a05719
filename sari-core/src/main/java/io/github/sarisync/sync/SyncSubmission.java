package io.github.sarisync.sync;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A tenant sync handed to an executor by {@link SARISyncEngine#submitTenant(String, java.util.concurrent.Executor)}:
 * its run id is known before the run starts, so a caller (an HTTP trigger, an admin page's "sync
 * now") can answer at once and later find the run in the run log under that id.
 *
 * <pre>{@code
 * SyncSubmission s = engine.submitTenant("school-42", executor);
 * respondAccepted(s.runId());
 * s.result().thenAccept(r -> log.info("{} {}", r.tenantId(), r.outcome()));
 * }</pre>
 *
 * @param tenantId the tenant
 * @param runId    the id the run's run-log row gets (and {@link TenantSyncResult#runId()}); a run that
 *                 does not start at all (tenant disabled, already running in this engine, or another
 *                 instance holds its lease: {@code LOCKED}) writes no row, and its result is SKIPPED
 *                 with a null run id
 * @param result   completes with the run's result when it ends; exceptionally only when the run could
 *                 not even begin (e.g. the tenant was deleted meanwhile)
 */
public record SyncSubmission(String tenantId, String runId, CompletableFuture<TenantSyncResult> result) {
    public SyncSubmission {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(result, "result");
    }
}
