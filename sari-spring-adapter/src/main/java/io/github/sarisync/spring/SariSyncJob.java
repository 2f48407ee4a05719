package io.github.sarisync.spring;

import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.SyncSubmission;
import io.github.sarisync.sync.TenantSyncResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sync as the adapter runs it: {@code syncDue()} when {@code sari.schedule.mode=due},
 * {@code syncAll()} otherwise, never two at once in this process. The schedule, the Actuator
 * endpoint and host code all go through it. Across instances the engine's per-tenant lease
 * ({@code SyncLock}) makes sure one school is synced by one instance at a time.
 *
 * <pre>{@code
 * @Autowired SariSyncJob job;
 * job.runNow().ifPresent(report -> log.info("{} tenants synced", report.tenantsProcessed()));
 * }</pre>
 */
public class SariSyncJob {
    private static final Logger LOG = LoggerFactory.getLogger(SariSyncJob.class);

    private final SARISyncEngine engine;
    private final SariProperties.ScheduleMode mode;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile SyncReport lastReport;

    /**
     * @param mode     DUE runs {@code syncDue()}; CRON and OFF run {@code syncAll()}
     * @param executor runs {@link #runAsync()}, {@link #submitTenant(String)} and
     *                 {@link #syncTenantAsync(String)}; the auto-configuration gives a bounded pool
     *                ({@code sari.trigger.*}) that refuses work when full
     */
    public SariSyncJob(SARISyncEngine engine, SariProperties.ScheduleMode mode, Executor executor) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Runs the sync on the calling thread and returns its report, or returns empty at once
     * without starting anything when a run of this job is still in progress.
     */
    public Optional<SyncReport> runNow() {
        if (!running.compareAndSet(false, true)) {
            LOG.info("sari-sync: a run is still in progress, this one is not started");
            return Optional.empty();
        }
        return Optional.of(runHoldingGuard());
    }

    /**
     * Starts the sync on the job's executor. Empty when a run is in progress (nothing was
     * started); otherwise a future of the report.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the executor is full: nothing started
     */
    public Optional<CompletableFuture<SyncReport>> runAsync() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompletableFuture.supplyAsync(this::runHoldingGuard, executor)
                    .whenComplete((report, failure) -> logFailure("run", failure)));
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /**
     * Starts a manual sync of one tenant (trigger MANUAL, also while paused) on the job's executor and
     * returns at once with the run id its run-log row will have (see
     * {@link SARISyncEngine#submitTenant(String, Executor)}).
     *
     * @throws IllegalArgumentException when there is no such tenant
     * @throws java.util.concurrent.RejectedExecutionException when the executor is full: nothing started
     */
    public SyncSubmission submitTenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
        SyncSubmission submission = engine.submitTenant(tenantId, executor);
        submission.result().whenComplete((result, failure) -> logFailure("sync of tenant " + tenantId, failure));
        return submission;
    }

    /**
     * Syncs one tenant (trigger MANUAL) on the job's executor; runs even while the tenant is paused.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the executor is full: nothing started
     */
    public CompletableFuture<TenantSyncResult> syncTenantAsync(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
        return CompletableFuture.supplyAsync(() -> engine.syncTenant(tenantId), executor)
                .whenComplete((result, failure) -> logFailure("sync of tenant " + tenantId, failure));
    }

    /** True while a run started by this job is in progress. */
    public boolean isRunning() {
        return running.get();
    }

    /** The report of the last run this job finished, if any. */
    public Optional<SyncReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /** What the job calls on the engine. */
    public SariProperties.ScheduleMode mode() {
        return mode;
    }

    private static void logFailure(String what, Throwable failure) {
        if (failure != null) {
            LOG.error("sari-sync: the triggered {} failed: {}", what, failure.toString(), failure);
        }
    }

    private SyncReport runHoldingGuard() {
        try {
            SyncReport report = mode == SariProperties.ScheduleMode.DUE ? engine.syncDue() : engine.syncAll();
            lastReport = report;
            LOG.debug("sari-sync: run finished: {} tenants processed, {} failed, {} skipped",
                    report.tenantsProcessed(), report.failedTenants().size(),
                    report.results().size() - report.tenantsProcessed());
            return report;
        } finally {
            running.set(false);
        }
    }
}
