package io.github.sarisync.internal.sync;

import io.github.sarisync.client.HostNotAllowedException;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import org.slf4j.Logger;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One run of one tenant: lease, run-log start, credentials and client, each course type, tenant
 * state, run-log end, release. Every failure ends up in the returned result; nothing is thrown.
 *
 * <p>A course type that fails with an error of the whole tenant (credentials, SARI unreachable or
 * answering server errors) stops the run; any other error of one type still lets the next type
 * run. Either way the tenant is FAILED, and what was written for a type that succeeded stays.
 */
public final class TenantRun {
    private static final Logger LOG = SyncLogging.logger("tenant");
    private static final int MAX_DETAIL = 2000;
    /** The error code of a tenant whose address the engine's host policy refuses. */
    private static final String HOST_NOT_ALLOWED = "HOST_NOT_ALLOWED";

    private final EngineParts parts;
    private final Tenant tenant;
    private final SyncTrigger trigger;
    private final List<CourseType> types;
    private final RunControl control;
    private final Predicate<Tenant> stillDue;
    private final String runId;
    private TenantState stateBefore;

    /**
     * @param stillDue null to run the tenant in any case; otherwise checked on the tenant as stored
     *                 once the lease is taken (a run planned from an older read of the tenants, such
     *                 as {@code syncDue}'s, is SKIPPED with {@code NOT_DUE} when it fails, without a run-log
     *                 row)
     * @param runId    the id of the run-log row, when the caller announced it before the run; null
     *                 for a new one
     */
    public TenantRun(EngineParts parts, Tenant tenant, SyncTrigger trigger, List<CourseType> types,
                     RunControl control, Predicate<Tenant> stillDue, String runId) {
        this.parts = parts;
        this.tenant = tenant;
        this.trigger = trigger;
        this.types = List.copyOf(types);
        this.control = control;
        this.stillDue = stillDue;
        this.runId = runId != null ? runId : RunIds.next().toString();
        this.stateBefore = tenant.state();
    }

    /** A result for a tenant that was not run at all (paused, disabled, cancelled before its turn). */
    public static TenantSyncResult notRun(Tenant tenant, SyncTrigger trigger, String code, String message,
                                          Instant at) {
        return new TenantSyncResult(tenant.id(), tenant.name(), null, trigger, SyncOutcome.SKIPPED, Map.of(), code,
                message, List.of(), at, at);
    }

    public TenantSyncResult run() {
        MDC.put("tenantId", tenant.id());
        MDC.put("runId", runId);
        try {
            parts.listener().tenantStarted(tenant.id(), tenant.name());
            TenantSyncResult result = runLeased(runId);
            parts.listener().tenantFinished(result);
            return result;
        } finally {
            MDC.remove("tenantId");
            MDC.remove("runId");
        }
    }

    private TenantSyncResult runLeased(String runId) {
        TenantLease lease = new TenantLease(parts.lock(), parts.syncLogStore(), parts.clock(), tenant.id(),
                parts.holderId(), parts.options().leaseDuration(), runId,
                write -> parts.listener().writeRefused(tenant.id(), write));
        boolean taken;
        try {
            taken = lease.acquire();
        } catch (TenantFailure e) {
            Instant at = parts.clock().instant();
            SyncRun started = SyncRun.started(runId, tenant.id(), SyncRun.SYNC, trigger, at);
            return finish(started, failed(runId, at, e.code(), e.getMessage()), List.of(), null);
        }
        if (!taken) {
            // another instance is syncing the tenant (or an outbox run drains it): no run-log row (N instances
            // would log N-1 of these per tenant and interval), so no run id either; the report, the log line and
            // the listener count it
            Instant at = parts.clock().instant();
            TenantSyncResult locked = result(null, at, SyncOutcome.SKIPPED, Map.of(), TenantSyncResult.LOCKED,
                    "another holder (another instance's sync, or an enrolment outbox run) holds the lease "
                            + TenantLease.name(tenant.id()), List.of());
            LOG.info("tenant {} SKIPPED: LOCKED (another instance is syncing it, or an outbox run drains it; not"
                    + " recorded in the run log)", tenant.id());
            return locked;
        }
        // the run starts when its lease was taken: waiting for a slow lock is no part of it, so two runs of
        // one tenant never overlap in the history. The run-log row starts at the lock's own acquisition time
        // (the database's clock); the result, the tenant state (the due rule compares it with the engine's
        // clock) and the heartbeats are in the engine's clock.
        Instant start = lease.takenAtEngineClock();
        SyncRun started = new SyncRun(runId, tenant.id(), SyncRun.SYNC, trigger, RunStatus.STARTED,
                lease.acquiredAt(), start, null, SyncCounts.ZERO, null, null, null);
        TenantSyncResult notDue = recheckDue(runId, start, started, lease);
        if (notDue != null) {
            return notDue;
        }
        boolean held = true;
        TenantSyncResult result;
        List<String> summaries = new ArrayList<>();
        try {
            guardedLog("syncLogStore.started", () -> parts.syncLogStore().started(started));
            result = syncTypes(runId, start, lease, summaries);
        } catch (TenantFailure e) {
            held = !TenantLease.isLost(e);
            result = failed(runId, start, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("tenant run failed unexpectedly", e);
            result = failed(runId, start, "INTERNAL_ERROR", TenantFailure.describe(e));
        }
        try {
            if (held) {
                result = updateState(start, result, lease);
                held = !TenantLease.LOST.equals(result.errorCode());
            }
            return withRefusals(finish(started, result, summaries, held ? lease : null), lease);
        } finally {
            if (held) {
                lease.release();
            }
        }
    }

    private static TenantSyncResult withRefusals(TenantSyncResult result, TenantLease lease) {
        return lease.refused() == 0 ? result : result.withRefusedWrites(lease.refused());
    }

    /**
     * Another instance may have synced the tenant between the read that planned this run and the
     * lease: with the lease held, the stored tenant decides. Null when the run goes on.
     */
    private TenantSyncResult recheckDue(String runId, Instant start, SyncRun started, TenantLease lease) {
        if (stillDue == null) {
            return null;
        }
        Optional<Tenant> stored;
        try {
            stored = TenantFailure.store("tenantStore.find", () -> parts.tenantStore().find(tenant.id()));
        } catch (TenantFailure e) {
            lease.release();
            return finish(started, failed(runId, start, e.code(), e.getMessage()), List.of(), null);
        }
        if (stored.isPresent() && stillDue.test(stored.get())) {
            stateBefore = stored.get().state();
            return null;
        }
        lease.release();
        // like a LOCKED skip, no run-log row and no run id: with N instances each tenant would otherwise get N-1
        // such rows per interval, and the history is meant to show one row per real run
        LOG.info("tenant {} SKIPPED: NOT_DUE (synced by another instance since this run was planned; not recorded"
                + " in the run log)", tenant.id());
        return result(null, start, SyncOutcome.SKIPPED, Map.of(), TenantSyncResult.NOT_DUE, "tenant " + tenant.id()
                + " is no longer due: synced by another instance, paused or disabled since this run was planned",
                List.of());
    }

    private TenantSyncResult syncTypes(String runId, Instant start, TenantLease lease, List<String> summaries) {
        SARIClient client = client();
        TypeSync sync = new TypeSync(parts, tenant.id(), lease);
        Map<CourseType, SyncCounts> counts = new EnumMap<>(CourseType.class);
        List<String> warnings = new ArrayList<>();
        TypeResult failure = null;
        for (CourseType type : types) {
            if (control.cancelled()) {
                warnings.add("cancelled before " + type);
                summaries.add(type + " not synced: run cancelled");
                if (counts.isEmpty() && failure == null) {
                    return result(runId, start, SyncOutcome.SKIPPED, counts, "CANCELLED",
                            "the run was cancelled before this tenant synced anything", warnings);
                }
                continue;
            }
            TypeResult typeResult = sync.sync(client, type);
            summaries.add(typeResult.summary());
            warnings.addAll(typeResult.warnings());
            if (typeResult.status() == TypeResult.Status.SYNCED) {
                counts.put(type, typeResult.counts());
            } else if (typeResult.status() == TypeResult.Status.FAILED) {
                LOG.warn("{} failed: {} {}", type, typeResult.errorCode(), typeResult.errorMessage());
                failure = failure == null ? typeResult : failure;
                if (typeResult.stopsTenant()) {
                    break;
                }
            }
        }
        if (failure != null) {
            return result(runId, start, SyncOutcome.FAILED, counts, failure.errorCode(), failure.errorMessage(),
                    warnings);
        }
        return result(runId, start, warnings.isEmpty() ? SyncOutcome.SUCCESS : SyncOutcome.PARTIAL, counts, null,
                null, warnings);
    }

    private SARIClient client() {
        try {
            parts.clients().requireAllowed(tenant);
        } catch (HostNotAllowedException e) {
            throw new TenantFailure(HOST_NOT_ALLOWED, e.getMessage(), e);
        }
        SariCredentials credentials;
        try {
            credentials = parts.tenantStore().credentials(tenant.id());
        } catch (CredentialsException e) {
            throw new TenantFailure("CREDENTIALS", e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new TenantFailure("STORE_ERROR", "tenantStore.credentials failed: " + TenantFailure.describe(e), e);
        }
        if (credentials == null) {
            throw new TenantFailure("CREDENTIALS", "tenant " + tenant.id() + " has no SARI credentials", null);
        }
        try {
            return parts.clients().clientFor(tenant, credentials);
        } catch (HostNotAllowedException e) {
            throw new TenantFailure(HOST_NOT_ALLOWED, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new TenantFailure("CLIENT_SETUP", "the SARI client could not be built: "
                    + TenantFailure.describe(e), e);
        }
    }

    private TenantSyncResult updateState(Instant start, TenantSyncResult result, TenantLease lease) {
        TenantState old = stateBefore;
        TenantState state = switch (result.outcome()) {
            case SUCCESS, PARTIAL -> new TenantState(start, start, runStatus(result.outcome()), 0, null, null);
            case FAILED -> new TenantState(start, old.lastSuccessAt(), RunStatus.FAILED,
                    old.consecutiveFailures() + 1, result.errorCode(), result.errorMessage());
            case SKIPPED -> null;
        };
        if (state == null) {
            return result;
        }
        try {
            lease.fenced("tenantStore.updateState",
                    () -> parts.tenantStore().updateState(tenant.id(), state, lease.lease()));
            return result;
        } catch (TenantFailure e) {
            if (TenantLease.isLost(e)) {
                // the newer holder owns the tenant's state now; this run's outcome is that it lost the lease
                return result(result.runId(), result.startedAt(), SyncOutcome.FAILED, result.counts(), e.code(),
                        e.getMessage(), result.warnings());
            }
            String problem = e.getMessage();
            LOG.error("{}", problem);
            if (result.outcome() == SyncOutcome.FAILED) {
                // the run's own failure is what the user must see; the lost state write comes second
                List<String> warnings = new ArrayList<>(result.warnings());
                warnings.add(problem);
                return result(result.runId(), result.startedAt(), SyncOutcome.FAILED, result.counts(),
                        result.errorCode(), result.errorMessage(), warnings);
            }
            return result(result.runId(), result.startedAt(), SyncOutcome.FAILED, result.counts(), "STORE_ERROR",
                    problem, result.warnings());
        }
    }

    /**
     * Writes the run's end to the run log. With {@code lease} (the run still believes it holds it)
     * the row is fenced: when the store refuses it, the run lost its lease after its last write and
     * is recorded, without the lease, as FAILED with {@code LEASE_LOST}.
     */
    private TenantSyncResult finish(SyncRun started, TenantSyncResult result, List<String> summaries,
                                    TenantLease lease) {
        TenantSyncResult ended = result;
        if (lease != null) {
            SyncRun finished = finishedRun(started, result, summaries);
            try {
                lease.fenced("syncLogStore.finished",
                        () -> parts.syncLogStore().finished(finished, lease.lease()));
            } catch (TenantFailure e) {
                if (!TenantLease.isLost(e)) {
                    LOG.warn("syncLogStore.finished failed (the sync goes on): {}", e.getMessage());
                    logEnd(result);
                    return result;
                }
                ended = result(result.runId(), result.startedAt(), SyncOutcome.FAILED, result.counts(), e.code(),
                        e.getMessage(), result.warnings());
                SyncRun lost = finishedRun(started, ended, summaries);
                guardedLog("syncLogStore.finished", () -> parts.syncLogStore().finished(lost));
            }
        } else {
            SyncRun finished = finishedRun(started, result, summaries);
            guardedLog("syncLogStore.finished", () -> parts.syncLogStore().finished(finished));
        }
        logEnd(ended);
        return ended;
    }

    private SyncRun finishedRun(SyncRun started, TenantSyncResult result, List<String> summaries) {
        // the row's start is in the lock's clock, its end in the engine's: one behind the other must not
        // make the row end before it started
        Instant end = result.finishedAt().isBefore(started.startedAt()) ? started.startedAt() : result.finishedAt();
        return started.finish(runStatus(result.outcome()), end, result.total(),
                result.errorCode(), result.errorMessage(), detail(result, summaries));
    }

    private void logEnd(TenantSyncResult result) {
        LOG.info("tenant {} {}: {} ({}ms){}{}", tenant.id(), result.outcome(), summary(result),
                result.duration().toMillis(), result.errorCode() == null ? "" : " " + result.errorCode() + ": "
                        + result.errorMessage(), result.warnings().isEmpty() ? "" : " warnings: "
                        + result.warnings().size());
    }

    private TenantSyncResult result(String runId, Instant start, SyncOutcome outcome, Map<CourseType, SyncCounts> counts,
                                    String code, String message, List<String> warnings) {
        return new TenantSyncResult(tenant.id(), tenant.name(), runId, trigger, outcome, counts, code, message,
                warnings, start, parts.clock().instant());
    }

    private TenantSyncResult failed(String runId, Instant start, String code, String message) {
        return result(runId, start, SyncOutcome.FAILED, Map.of(), code, message, List.of());
    }

    private static String detail(TenantSyncResult result, List<String> summaries) {
        StringBuilder text = new StringBuilder(String.join("; ", summaries));
        if (!result.warnings().isEmpty()) {
            text.append(text.length() > 0 ? "; " : "").append("warnings: ").append(String.join(" | ",
                    result.warnings()));
        }
        if (text.length() == 0) {
            return null;
        }
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL - 3) + "..." : text.toString();
    }

    private static String summary(TenantSyncResult result) {
        SyncCounts c = result.total();
        return c.inserted() + " new, " + c.updated() + " updated, " + c.unchanged() + " unchanged, " + c.completed()
                + " completed, " + c.cancelled() + " cancelled, members +" + c.membersAdded() + "/-"
                + c.membersRemoved() + ", " + c.rejected() + " rejected";
    }

    private static RunStatus runStatus(SyncOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> RunStatus.SUCCEEDED;
            case PARTIAL -> RunStatus.PARTIAL;
            case FAILED -> RunStatus.FAILED;
            case SKIPPED -> RunStatus.SKIPPED;
        };
    }

    private static void guardedLog(String call, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed (the sync goes on): {}", call, TenantFailure.describe(e));
        }
    }
}
