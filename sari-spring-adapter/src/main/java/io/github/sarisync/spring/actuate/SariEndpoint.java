package io.github.sarisync.spring.actuate;

import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.SariSyncJob;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Actuator endpoint {@code sari}: the tenants' sync state and the recent runs (read), and a
 * trigger for a sync of all tenants or of one (write). It never shows credentials.
 * <ul>
 *   <li>{@code GET /actuator/sari}: schedule, whether a run is in progress, every tenant, recent runs</li>
 *   <li>{@code GET /actuator/sari/{tenantId}}: one tenant and its recent runs (404 when unknown)</li>
 *   <li>{@code POST /actuator/sari}: starts a run of all tenants in the background</li>
 *   <li>{@code POST /actuator/sari/{tenantId}}: starts a manual sync of one tenant in the background</li>
 * </ul>
 * The write operations are as sensitive as any Actuator write: expose the endpoint only behind
 * the host's Actuator security (see the adapter's README).
 */
@Endpoint(id = "sari")
public class SariEndpoint {
    private final TenantStore tenants;
    private final SyncLogStore runs;
    private final SariSyncJob job;
    private final String schedule;
    private final int recentRuns;

    /**
     * @param schedule   a readable form of the schedule, shown as is
     * @param recentRuns how many recent runs to show
     */
    public SariEndpoint(TenantStore tenants, SyncLogStore runs, SariSyncJob job, String schedule, int recentRuns) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.job = Objects.requireNonNull(job, "job");
        this.schedule = schedule;
        this.recentRuns = recentRuns;
    }

    @ReadOperation
    public Overview overview() {
        return new Overview(schedule, job.isRunning(),
                tenants.findAll().stream().map(TenantView::of).toList(),
                runs.recentRuns(null, recentRuns).stream().map(RunView::of).toList());
    }

    /** One tenant and its recent runs; null (HTTP 404) when unknown. */
    @ReadOperation
    public TenantDetail tenant(@Selector String tenantId) {
        return tenants.find(tenantId)
                .map(t -> new TenantDetail(TenantView.of(t),
                        runs.recentRuns(tenantId, recentRuns).stream().map(RunView::of).toList()))
                .orElse(null);
    }

    /** Starts a run of all tenants unless one is in progress. */
    @WriteOperation
    public Trigger syncAll() {
        boolean started = job.runAsync().isPresent();
        return new Trigger(started, started ? "sync of all tenants started" : "a run is already in progress");
    }

    /** Starts a manual sync of one tenant (also when paused; not when disabled). */
    @WriteOperation
    public Trigger syncTenant(@Selector String tenantId) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        if (tenant.isEmpty()) {
            return new Trigger(false, "no tenant " + tenantId);
        }
        if (!tenant.get().enabled()) {
            return new Trigger(false, "tenant " + tenantId + " is disabled");
        }
        job.syncTenantAsync(tenantId);
        return new Trigger(true, "sync of tenant " + tenantId + " started");
    }

    /** What {@code GET /actuator/sari} shows. */
    public record Overview(String schedule, boolean running, List<TenantView> tenants, List<RunView> recentRuns) {
    }

    /** What {@code GET /actuator/sari/{tenantId}} shows. */
    public record TenantDetail(TenantView tenant, List<RunView> recentRuns) {
    }

    /** The answer to a trigger. */
    public record Trigger(boolean started, String message) {
    }

    /** A tenant's settings and sync state, without credentials. */
    public record TenantView(String id, String name, boolean enabled, boolean paused, String address, String interval,
                             String lastAttemptAt, String lastSuccessAt, String lastOutcome, int consecutiveFailures,
                             String lastErrorCode, String lastErrorMessage) {
        static TenantView of(Tenant t) {
            var s = t.state();
            return new TenantView(t.id(), t.name(), t.enabled(), t.paused(), t.effectiveBaseUri().toString(),
                    t.interval() == null ? null : t.interval().toString(), text(s.lastAttemptAt()),
                    text(s.lastSuccessAt()), s.lastOutcome() == null ? null : s.lastOutcome().name(),
                    s.consecutiveFailures(), s.lastErrorCode(), s.lastErrorMessage());
        }
    }

    /** One run-log entry (never contains a secret, a name or a birthdate). */
    public record RunView(String runId, String tenantId, String operation, String trigger, String status,
                          String startedAt, String finishedAt, SyncCounts counts, String errorCode, String errorMessage,
                          String detail) {
        static RunView of(SyncRun r) {
            return new RunView(r.runId(), r.tenantId(), r.operation(), r.trigger() == null ? null : r.trigger().name(),
                    r.status().name(), text(r.startedAt()), text(r.finishedAt()), r.counts(), r.errorCode(),
                    r.errorMessage(), r.detail());
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
