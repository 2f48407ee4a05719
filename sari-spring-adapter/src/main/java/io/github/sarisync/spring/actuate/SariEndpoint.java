package io.github.sarisync.spring.actuate;

import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.SariSyncJob;
import io.github.sarisync.sync.SyncSubmission;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * The Actuator endpoint {@code sari}: the tenants' sync state and the recent runs (read), and a
 * trigger for a sync of all tenants or of one (write). It never shows credentials, nor the
 * user-info or query of a tenant's address.
 * <ul>
 *   <li>{@code GET /actuator/sari?after=&limit=&runs=}: schedule, whether a run is in progress, one
 *       page of tenants by id (from the one after {@code after}; {@code nextAfter} names the next
 *       page) and the newest {@code runs} runs</li>
 *   <li>{@code GET /actuator/sari/{tenantId}?runs=}: one tenant and its recent runs (404 when unknown)</li>
 *   <li>{@code POST /actuator/sari}: starts a run of all tenants in the background</li>
 *   <li>{@code POST /actuator/sari/{tenantId}}: answers at once, HTTP 202 with the run id, and syncs
 *       the tenant on the bounded trigger pool; HTTP 503 {@code BUSY} when the pool is full</li>
 * </ul>
 * {@code limit} and {@code runs} are capped at {@code sari.endpoint.max-page-size}. The write
 * operations are as sensitive as any Actuator write: expose the endpoint only behind the host's
 * Actuator security (see the adapter's README).
 */
@Endpoint(id = "sari")
public class SariEndpoint {
    private static final int ACCEPTED = 202;
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final int OK = 200;

    private final TenantStore tenants;
    private final SyncLogStore runs;
    private final SariSyncJob job;
    private final String schedule;
    private final int recentRuns;
    private final int pageSize;
    private final int maxPageSize;

    /**
     * @param schedule    a readable form of the schedule, shown as is
     * @param recentRuns  how many recent runs to show when the request does not say
     * @param pageSize    how many tenants the overview shows when the request does not say
     * @param maxPageSize the most tenants or runs one request gets
     */
    public SariEndpoint(TenantStore tenants, SyncLogStore runs, SariSyncJob job, String schedule, int recentRuns,
                        int pageSize, int maxPageSize) {
        if (pageSize < 1 || maxPageSize < pageSize) {
            throw new IllegalArgumentException("need 1 <= pageSize <= maxPageSize, was " + pageSize + ", "
                    + maxPageSize);
        }
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.job = Objects.requireNonNull(job, "job");
        this.schedule = schedule;
        this.recentRuns = recentRuns;
        this.pageSize = pageSize;
        this.maxPageSize = maxPageSize;
    }

    /**
     * The overview: one page of tenants and the newest runs.
     *
     * @param after the last tenant id of the previous page ({@code nextAfter}), or null for the first
     * @param limit tenants on the page (default {@code sari.endpoint.page-size})
     * @param runs  newest runs shown (default {@code sari.endpoint.recent-runs})
     */
    @ReadOperation
    public Overview overview(@Nullable String after, @Nullable Integer limit, @Nullable Integer runs) {
        int size = size("limit", limit, pageSize);
        // one more than shown tells whether another page follows, without counting every tenant
        List<Tenant> page = tenants.findPage(after, size + 1);
        boolean more = page.size() > size;
        List<TenantView> shown = page.stream().limit(size).map(TenantView::of).toList();
        return new Overview(schedule, job.isRunning(), shown, more ? shown.get(shown.size() - 1).id() : null,
                recent(null, runs));
    }

    /** One tenant and its recent runs ({@code runs}, default {@code sari.endpoint.recent-runs}); null (HTTP 404) when unknown. */
    @ReadOperation
    public TenantDetail tenant(@Selector String tenantId, @Nullable Integer runs) {
        return tenants.find(tenantId)
                .map(t -> new TenantDetail(TenantView.of(t), recent(tenantId, runs)))
                .orElse(null);
    }

    /** Starts a run of all tenants unless one is in progress or the trigger pool is full. */
    @WriteOperation
    public Trigger syncAll() {
        try {
            boolean started = job.runAsync().isPresent();
            return started ? new Trigger(true, TriggerStatus.ACCEPTED, null, "sync of all tenants started")
                    : new Trigger(false, TriggerStatus.RUNNING, null, "a run is already in progress");
        } catch (RejectedExecutionException e) {
            return busy();
        }
    }

    /**
     * Starts a manual sync of one tenant (also when paused; not when disabled) on the trigger pool
     * and answers at once: HTTP 202 with the run id (the id of its run-log row), 503 when the pool
     * is full, 200 with {@code started=false} for an unknown or disabled tenant.
     */
    @WriteOperation
    public WebEndpointResponse<Trigger> syncTenant(@Selector String tenantId) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        if (tenant.isEmpty()) {
            return answer(notFound(tenantId));
        }
        if (!tenant.get().enabled()) {
            return answer(new Trigger(false, TriggerStatus.DISABLED, null, "tenant " + tenantId + " is disabled"));
        }
        try {
            SyncSubmission submission = job.submitTenant(tenantId);
            return answer(new Trigger(true, TriggerStatus.ACCEPTED, submission.runId(),
                    "sync of tenant " + tenantId + " accepted"));
        } catch (RejectedExecutionException e) {
            return answer(busy());
        } catch (IllegalArgumentException e) {
            // deleted between the lookup above and the submission
            return answer(notFound(tenantId));
        }
    }

    private static Trigger notFound(String tenantId) {
        return new Trigger(false, TriggerStatus.NOT_FOUND, null, "no tenant " + tenantId);
    }

    private static Trigger busy() {
        return new Trigger(false, TriggerStatus.BUSY, null, "too many syncs are running or waiting; try again later");
    }

    private static WebEndpointResponse<Trigger> answer(Trigger trigger) {
        int status = switch (trigger.status()) {
            case ACCEPTED -> ACCEPTED;
            case BUSY -> SERVICE_UNAVAILABLE;
            case RUNNING, NOT_FOUND, DISABLED -> OK;
        };
        return new WebEndpointResponse<>(trigger, status);
    }

    private List<RunView> recent(String tenantId, Integer requested) {
        int count = requested == null ? Math.min(recentRuns, maxPageSize) : size("runs", requested, recentRuns);
        return count == 0 ? List.of() : runs.recentRuns(tenantId, count).stream().map(RunView::of).toList();
    }

    private int size(String parameter, Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1) {
            throw new InvalidEndpointRequestException(parameter + " must be at least 1, was " + requested,
                    "Invalid " + parameter);
        }
        return Math.min(requested, maxPageSize);
    }

    /**
     * What {@code GET /actuator/sari} shows.
     *
     * @param nextAfter the {@code after} of the next page of tenants; null on the last page
     */
    public record Overview(String schedule, boolean running, List<TenantView> tenants, String nextAfter,
                           List<RunView> recentRuns) {
    }

    /** What {@code GET /actuator/sari/{tenantId}} shows. */
    public record TenantDetail(TenantView tenant, List<RunView> recentRuns) {
    }

    /** What became of a trigger. */
    public enum TriggerStatus {
        /** Started or queued on the trigger pool. */
        ACCEPTED,
        /** The trigger pool and its queue are full: nothing started. */
        BUSY,
        /** A run of all tenants is already in progress: nothing started. */
        RUNNING,
        /** No such tenant. */
        NOT_FOUND,
        /** The tenant is disabled. */
        DISABLED
    }

    /**
     * The answer to a trigger.
     *
     * @param runId the run id of an accepted sync of one tenant (its run-log row); null otherwise
     */
    public record Trigger(boolean started, TriggerStatus status, String runId, String message) {
    }

    /** A tenant's settings and sync state, without credentials; its address without user-info or query. */
    public record TenantView(String id, String name, boolean enabled, boolean paused, String address, String interval,
                             String lastAttemptAt, String lastSuccessAt, String lastOutcome, int consecutiveFailures,
                             String lastErrorCode, String lastErrorMessage) {
        static TenantView of(Tenant t) {
            var s = t.state();
            return new TenantView(t.id(), t.name(), t.enabled(), t.paused(), Addresses.shown(t.effectiveBaseUri()),
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
