package io.github.sarisync.sync;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.internal.sync.ClientCache;
import io.github.sarisync.internal.sync.DueRule;
import io.github.sarisync.internal.sync.EngineParts;
import io.github.sarisync.internal.sync.GuardedListener;
import io.github.sarisync.internal.sync.RunControl;
import io.github.sarisync.internal.sync.RunIds;
import io.github.sarisync.internal.sync.TenantPool;
import io.github.sarisync.internal.sync.TenantRun;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Syncs the VKU and PGS courses of every enabled tenant from SARI into a {@link CourseStore},
 * isolating failures per tenant, writing the run log and stamping each tenant's state. Owns no
 * scheduler thread: the host calls {@link #syncAll()} or {@link #syncDue()} from its own schedule.
 *
 * <pre>{@code
 * SARISyncEngine engine = SARISyncEngine.builder()
 *     .tenantStore(tenants).courseStore(courses).syncLogStore(logs)
 *     .build();
 * SyncReport report = engine.syncAll();
 * }</pre>
 *
 * <p>Per tenant a run takes the tenant's lease under this engine's {@link #holderId()} (SKIPPED with
 * error code {@code LOCKED}, and no run-log row, when another instance holds it, or an enrolment outbox run
 * draining the tenant under the same lease), writes the run log (the run starts when the lease was taken: the row in the lock's clock, the result in the engine's), reads the credentials (the tenant's client is built once
 * and reused until its address or credentials change), then for VKU and PGS: fetches the course
 * list, loads the stored snapshot, computes the changes in memory, fetches course details by the
 * {@link MemberPolicy}, and writes everything of that type in one {@link CourseStore#apply} call;
 * finally it stamps the tenant's state and releases the lease. Tenants run in parallel (bounded
 * by {@link SyncOptions#parallelism()}), never two runs of one tenant at once.
 *
 * <p>Failures stay with their tenant: bad credentials ({@code CREDENTIALS} or SARI's
 * {@code AUTHENTICATION_FAILED}), SARI errors (the {@code SariErrorCode} name), store failures
 * ({@code STORE_ERROR}), a lost lease ({@code LEASE_LOST}: the lease expired and another holder took it; every
 * write of the run carries the lease, so the stores refuse what the stale run would still write, and its
 * tenant state is left to the new holder), an address the {@link SyncOptions#hostPolicy()} refuses
 * ({@code HOST_NOT_ALLOWED}, before the credentials are read). Clients are kept per tenant and dropped
 * with their credentials and token when the tenant is disabled or deleted (at the next
 * {@code syncAll}/{@code syncDue}, or at once by {@code syncTenant}). An error of the whole tenant (auth,
 * SARI unreachable or answering server errors) stops that tenant's run; an error of one course
 * type (e.g. a malformed answer) still lets the other type run; the tenant is FAILED either way and
 * what was written stays. SECTION_NOT_FOUND means the school has no such course type: that type is
 * left out of the counts and is no failure.
 *
 * <p>The empty-feed guard is evaluated afresh on every run: a course list that stays empty keeps
 * being held back (PARTIAL) until an operator syncs the tenant with an engine whose
 * {@link SyncOptions#emptyFeedThreshold()} is 1.0.
 */
public final class SARISyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SARISyncEngine.class);
    private static final List<CourseType> BOTH = List.of(CourseType.VKU, CourseType.PGS);

    private final EngineParts parts;
    private final Executor executor;
    private final ExecutorService ownExecutor;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<RunControl> controls = ConcurrentHashMap.newKeySet();

    private SARISyncEngine(Builder b) {
        require(b.tenantStore, "tenantStore");
        require(b.courseStore, "courseStore");
        require(b.syncLogStore, "syncLogStore");
        require(b.clientFactory, "clientFactory");
        require(b.clock, "clock");
        require(b.options, "options");
        SyncLock lock = b.lock != null ? b.lock : new InMemorySyncLock(b.clock);
        this.parts = new EngineParts(b.tenantStore, b.courseStore, b.syncLogStore, lock,
                new ClientCache(b.clientFactory, b.options.hostPolicy()), b.clock, b.options,
                new GuardedListener(b.listener), newHolderId(b.options.instanceId()));
        this.ownExecutor = b.executor == null ? Executors.newFixedThreadPool(b.options.parallelism(), threads())
                : null;
        this.executor = b.executor != null ? b.executor : ownExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The name this engine takes tenant leases under: {@link SyncOptions#instanceId()}, {@code #} and a
     * random suffix of its own, so that two engines built from one {@code SyncOptions} never take each
     * other's lease for their own (a holder taking its lease again would renew it).
     */
    public String holderId() {
        return parts.holderId();
    }

    private static String newHolderId(String instanceId) {
        return instanceId + "#" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Syncs every enabled, unpaused tenant now, VKU then PGS (trigger SCHEDULED); paused ones are SKIPPED. */
    public SyncReport syncAll() {
        Instant start = parts.clock().instant();
        housekeeping(start);
        List<Tenant> tenants = parts.tenantStore().findEnabled();
        parts.clients().retainOnly(tenants.stream().map(Tenant::id).toList());
        return runTenants(start, tenants, t -> SyncTrigger.SCHEDULED, null);
    }

    /**
     * Syncs only the tenants whose interval has elapsed, staggered over the interval; a tenant that
     * missed a run (downtime) is caught up once, as CATCH_UP. A tenant whose last run failed is
     * retried at its next slot. Due tenants that are paused are SKIPPED.
     *
     * <p>Several instances may call it at once: once a tenant's lease is taken, the stored tenant is
     * read again, and a tenant another instance has synced since this call read the tenant list is
     * SKIPPED with error code {@code NOT_DUE}, so each tenant is synced once per interval. Such a
     * skip, like a tenant whose lease another instance holds ({@code LOCKED}), writes no run-log row:
     * the history shows one row per real run however many instances there are.
     */
    public SyncReport syncDue() {
        Instant start = parts.clock().instant();
        housekeeping(start);
        List<Tenant> due = new ArrayList<>();
        List<SyncTrigger> triggers = new ArrayList<>();
        List<Tenant> enabled = parts.tenantStore().findEnabled();
        parts.clients().retainOnly(enabled.stream().map(Tenant::id).toList());
        for (Tenant tenant : enabled) {
            Optional<SyncTrigger> trigger = due(tenant, start);
            if (trigger.isPresent()) {
                due.add(tenant);
                triggers.add(trigger.get());
            }
        }
        return runTenants(start, due, i -> triggers.get(i),
                stored -> stored.enabled() && !stored.paused() && due(stored, parts.clock().instant()).isPresent());
    }

    private Optional<SyncTrigger> due(Tenant tenant, Instant at) {
        Duration interval = tenant.interval() != null ? tenant.interval() : parts.options().defaultInterval();
        return DueRule.evaluate(tenant.id(), tenant.state(), interval, parts.options().stagger(), at);
    }

    /**
     * Syncs one tenant now, both types (trigger MANUAL; runs even when paused). A disabled tenant
     * is SKIPPED with error code {@code DISABLED}.
     *
     * @throws IllegalArgumentException naming the id when there is no such tenant
     */
    public TenantSyncResult syncTenant(String tenantId) {
        return syncTenant(tenantId, BOTH);
    }

    /** Syncs one course type of one tenant now (as {@link #syncTenant(String)}). */
    public TenantSyncResult syncTenant(String tenantId, CourseType type) {
        if (type == null) {
            throw new IllegalArgumentException("course type must not be null");
        }
        return syncTenant(tenantId, List.of(type));
    }

    /**
     * Starts a manual sync of one tenant (as {@link #syncTenant(String)}) on the engine's executor and
     * returns at once with the run id the run will have. See {@link #submitTenant(String, Executor)}.
     */
    public SyncSubmission submitTenant(String tenantId) {
        return submitTenant(tenantId, executor);
    }

    /**
     * Starts a manual sync of one tenant (as {@link #syncTenant(String)}) on {@code on} and returns at
     * once, on the calling thread, with the run id the run's run-log row will have and a future of
     * its result. The tenant is looked up on the calling thread (so an unknown id fails here) and read
     * again when the run starts.
     *
     * @throws IllegalArgumentException naming the id when there is no such tenant
     * @throws java.util.concurrent.RejectedExecutionException when {@code on} refuses the task (a
     *         full bounded queue): nothing was started
     */
    public SyncSubmission submitTenant(String tenantId, Executor on) {
        Objects.requireNonNull(on, "executor");
        Tenant tenant = find(tenantId);
        String runId = RunIds.next().toString();
        CompletableFuture<TenantSyncResult> result = new CompletableFuture<>();
        on.execute(() -> {
            try {
                result.complete(syncTenant(tenant.id(), BOTH, runId));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return new SyncSubmission(tenant.id(), runId, result);
    }

    private TenantSyncResult syncTenant(String tenantId, List<CourseType> types) {
        return syncTenant(tenantId, types, null);
    }

    private TenantSyncResult syncTenant(String tenantId, List<CourseType> types, String runId) {
        Tenant tenant = find(tenantId);
        if (!tenant.enabled()) {
            parts.clients().drop(tenantId);
            return TenantRun.notRun(tenant, SyncTrigger.MANUAL, "DISABLED", "tenant " + tenantId + " is disabled",
                    parts.clock().instant());
        }
        RunControl control = new RunControl();
        controls.add(control);
        try {
            return runOne(tenant, SyncTrigger.MANUAL, types, control, null, runId);
        } finally {
            controls.remove(control);
        }
    }

    /** Stops scheduled runs of a tenant until {@link #resume(String)} (a manual sync still runs). */
    public void pause(String tenantId) {
        Tenant tenant = find(tenantId);
        parts.tenantStore().setFlags(tenantId, tenant.enabled(), true);
    }

    /** Lets scheduled runs sync a paused tenant again. */
    public void resume(String tenantId) {
        Tenant tenant = find(tenantId);
        parts.tenantStore().setFlags(tenantId, tenant.enabled(), false);
    }

    /**
     * Cancels the runs in progress: tenants not yet started are SKIPPED (error code
     * {@code CANCELLED}), running ones stop after the course type they are writing. Returns at once.
     */
    public void cancel() {
        controls.forEach(RunControl::cancel);
        LOG.info("sync cancelled ({} runs in progress)", controls.size());
    }

    /**
     * The client the engine keeps for a tenant (built on first use), e.g. for enrolments.
     *
     * @throws IllegalArgumentException naming the id when there is no such tenant
     */
    public SARIClient clientFor(String tenantId) {
        Tenant tenant = find(tenantId);
        return parts.clients().clientFor(tenant, parts.tenantStore().credentials(tenantId));
    }

    /** Shuts down the executor the engine created itself (not one that was supplied). */
    @Override
    public void close() {
        cancel();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
            try {
                if (!ownExecutor.awaitTermination(30, TimeUnit.SECONDS)) {
                    ownExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        parts.clients().clear();
    }

    private SyncReport runTenants(Instant start, List<Tenant> tenants,
                                  java.util.function.IntFunction<SyncTrigger> triggers,
                                  Predicate<Tenant> stillDue) {
        RunControl control = new RunControl();
        controls.add(control);
        try {
            parts.listener().runStarted(tenants.size());
            List<TenantSyncResult> results = TenantPool.run(executor, parts.options().parallelism(), tenants.size(),
                    i -> {
                        Tenant tenant = tenants.get(i);
                        SyncTrigger trigger = triggers.apply(i);
                        if (control.cancelled()) {
                            return notRun(tenant, trigger, "CANCELLED", "the run was cancelled");
                        }
                        if (tenant.paused()) {
                            return notRun(tenant, trigger, "PAUSED", "tenant " + tenant.id() + " is paused");
                        }
                        return runOne(tenant, trigger, BOTH, control, stillDue, null);
                    },
                    i -> new TenantSyncResult(tenants.get(i).id(), tenants.get(i).name(), null, triggers.apply(i),
                            SyncOutcome.FAILED, java.util.Map.of(), "INTERNAL_ERROR",
                            "the tenant's run failed unexpectedly", List.of(), start, parts.clock().instant()),
                    control::cancel);
            SyncReport report = new SyncReport(start, parts.clock().instant(), results);
            LOG.info("sync run finished: {} tenants, {} succeeded, {} partial, {} failed, {} skipped ({} locked"
                            + " elsewhere), {} writes refused for a lost lease; {} in {} ms",
                    results.size(), report.count(SyncOutcome.SUCCESS), report.count(SyncOutcome.PARTIAL),
                    report.count(SyncOutcome.FAILED), report.count(SyncOutcome.SKIPPED), report.skippedLocked(),
                    report.refusedWrites(), report.total(),
                    Duration.between(report.startedAt(), report.finishedAt()).toMillis());
            parts.listener().runFinished(report);
            return report;
        } finally {
            controls.remove(control);
        }
    }

    /** A tenant left out of a run; listeners still hear that it is done, so progress adds up. */
    private TenantSyncResult notRun(Tenant tenant, SyncTrigger trigger, String code, String message) {
        TenantSyncResult result = TenantRun.notRun(tenant, trigger, code, message, parts.clock().instant());
        parts.listener().tenantFinished(result);
        return result;
    }

    private TenantSyncResult runOne(Tenant tenant, SyncTrigger trigger, List<CourseType> types, RunControl control,
                                    Predicate<Tenant> stillDue, String runId) {
        if (!running.add(tenant.id())) {
            return notRun(tenant, trigger, "RUNNING", "a run of tenant " + tenant.id()
                    + " is already in progress in this engine");
        }
        try {
            return new TenantRun(parts, tenant, trigger, types, control, stillDue, runId).run();
        } finally {
            running.remove(tenant.id());
        }
    }

    private void housekeeping(Instant now) {
        try {
            int abandoned = parts.syncLogStore().markAbandoned(now.minus(parts.options().abandonAfter()), now);
            if (abandoned > 0) {
                LOG.warn("{} runs left STARTED by a crashed instance were marked ABANDONED", abandoned);
            }
        } catch (RuntimeException e) {
            LOG.warn("syncLogStore.markAbandoned failed (the sync goes on): {}", e.toString());
        }
        Duration retention = parts.options().runLogRetention();
        if (retention != null) {
            try {
                parts.syncLogStore().purge(now.minus(retention));
            } catch (RuntimeException e) {
                LOG.warn("syncLogStore.purge failed (the sync goes on): {}", e.toString());
            }
        }
    }

    private Tenant find(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
        Optional<Tenant> tenant = parts.tenantStore().find(tenantId);
        if (tenant.isEmpty()) {
            parts.clients().drop(tenantId);
            throw new IllegalArgumentException("unknown tenant: " + tenantId);
        }
        return tenant.get();
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sari-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void require(Object value, String setting) {
        if (value == null) {
            throw new IllegalArgumentException("SARISyncEngine: " + setting + " must be set");
        }
    }

    /** Builds a {@link SARISyncEngine}. Required: the three stores. */
    public static final class Builder {
        private TenantStore tenantStore;
        private CourseStore courseStore;
        private SyncLogStore syncLogStore;
        private SyncLock lock;
        private SariClientFactory clientFactory = SariClientFactory.defaults();
        private Clock clock = Clock.systemUTC();
        private Executor executor;
        private SyncListener listener;
        private SyncOptions options = SyncOptions.defaults();

        private Builder() {
        }

        public Builder tenantStore(TenantStore value) {
            this.tenantStore = value;
            return this;
        }

        public Builder courseStore(CourseStore value) {
            this.courseStore = value;
            return this;
        }

        public Builder syncLogStore(SyncLogStore value) {
            this.syncLogStore = value;
            return this;
        }

        /** Leases per tenant; default an in-memory lock (one process only). */
        public Builder lock(SyncLock value) {
            this.lock = value;
            return this;
        }

        public Builder clientFactory(SariClientFactory value) {
            this.clientFactory = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Runs tenants on this executor instead of a pool of {@code options.parallelism()} threads. */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /** Shortcut for {@code options(options.toBuilder().parallelism(n).build())}. */
        public Builder parallelism(int value) {
            this.options = options.toBuilder().parallelism(value).build();
            return this;
        }

        public Builder listener(SyncListener value) {
            this.listener = value;
            return this;
        }

        public Builder options(SyncOptions value) {
            this.options = value;
            return this;
        }

        public SARISyncEngine build() {
            return new SARISyncEngine(this);
        }
    }
}
