package io.github.sarisync.enrollment;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One outbox run: tells the give-ups earlier runs could not tell, then claims the due entries and tries each
 * once, writing a run-log row per attempt. The claims are extended while the run works; an entry whose claim
 * was lost (the run took longer than the lease and another run took it) is left to its new holder and counted
 * as lost.
 *
 * <p>With a {@link SyncLock} the run drains tenant by tenant, each under the tenant's lease (the one its syncs
 * take, see {@link DrainLease}): it asks which tenants have due entries, takes a tenant's lease (a tenant whose
 * lease another holder has is skipped this run), claims only that tenant's due entries, sends them while the
 * lease holds and releases it before the next tenant. Without a lock it claims the due entries of all tenants
 * at once, as before leases existed; the claims alone keep each entry from being sent twice.
 */
final class OutboxProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxProcessor.class);

    private final EnrollmentOutbox outbox;
    private final Function<String, SARIClient> clients;
    private final PartCalls calls;
    private final RunLogWriter runLog;
    private final OutboxPolicy policy;
    private final Clock clock;
    private final GiveUpAnnouncer giveUps;
    private final SyncLock lock;
    private final String holderId;

    /** @param lock null to drain by claims only; else every tenant is drained under its lease, held as {@code holderId} */
    OutboxProcessor(EnrollmentOutbox outbox, Function<String, SARIClient> clients, PartCalls calls,
                    RunLogWriter runLog, OutboxPolicy policy, Clock clock, OutboxListener listener, SyncLock lock,
                    String holderId) {
        this.outbox = outbox;
        this.clients = clients;
        this.calls = calls;
        this.runLog = runLog;
        this.policy = policy;
        this.clock = clock;
        this.giveUps = new GiveUpAnnouncer(outbox, listener, policy.claimLease(), policy.batchSize());
        this.lock = lock;
        this.holderId = holderId;
    }

    OutboxRunReport run() {
        Tally tally = new Tally();
        try {
            tally.lateGiveUps = giveUps.tellUnannounced();
        } catch (RuntimeException e) {
            LOG.warn("outbox: reading the unannounced give-ups failed; the next run tries again: {}", e.toString());
        }
        Map<String, SARIClient> clientCache = new HashMap<>();
        if (lock == null) {
            List<OutboxEntry> claimed = outbox.claimDue(clock.instant(), policy.claimLease(), policy.batchSize());
            attemptAll(claimed, null, clientCache, tally);
        } else {
            drainByTenant(clientCache, tally);
        }
        return tally.report();
    }

    private void drainByTenant(Map<String, SARIClient> clientCache, Tally tally) {
        Instant now = clock.instant();
        int budget = policy.batchSize();
        for (String tenantId : outbox.dueTenants(now, budget)) {
            if (budget <= 0) {
                break;
            }
            Optional<DrainLease> lease = DrainLease.take(lock, tenantId, holderId, policy.claimLease(), clock);
            if (lease.isEmpty()) {
                tally.lockedTenants++;
                LOG.info("outbox: tenant {} skipped this run: another holder has its lease (a sync, or another"
                        + " instance's outbox run)", tenantId);
                continue;
            }
            try (DrainLease held = lease.get()) {
                List<OutboxEntry> claimed = outbox.claimDue(tenantId, now, policy.claimLease(), budget);
                budget -= claimed.size();
                attemptAll(claimed, held, clientCache, tally);
            }
        }
    }

    /** Tries the claimed entries in order; with a lease, only while it holds. */
    private void attemptAll(List<OutboxEntry> claimed, DrainLease lease, Map<String, SARIClient> clientCache,
                            Tally tally) {
        try (ClaimKeeper claims = new ClaimKeeper(outbox, policy.claimLease(), clock)) {
            claimed.forEach(e -> claims.hold(e.claimToken()));
            for (int i = 0; i < claimed.size(); i++) {
                if (lease != null && !lease.checkpoint()) {
                    tally.lostLeases++;
                    release(claimed.subList(i, claimed.size()));
                    return;
                }
                attempt(claimed.get(i), claims, clientCache, tally);
            }
        }
    }

    private void attempt(OutboxEntry entry, ClaimKeeper claims, Map<String, SARIClient> clientCache, Tally tally) {
        tally.attempted++;
        SyncRun run = SyncRun.started(UUID.randomUUID().toString(), entry.tenantId(), entry.action().name(),
                SyncTrigger.SCHEDULED, clock.instant());
        runLog.started(run);
        SARIClient client = clientFor(entry.tenantId(), clientCache);
        PartCalls.Attempt attempt = client == null ? calls.unavailable(entry) : calls.attempt(client, entry, claims);
        OutboxEntry after = attempt.entry();
        if (attempt.lost()) {
            tally.lostClaims++;
            runLog.finished(run.finish(RunStatus.SKIPPED, clock.instant(), SyncCounts.ZERO, PartCalls.CLAIM_LOST,
                    "claim lost: another outbox run holds the entry and carries it out", detail(entry, "claim lost")));
            return;
        }
        switch (after.state()) {
            case SUCCEEDED -> tally.succeeded++;
            case PENDING -> tally.retrying++;
            default -> tally.failed++;
        }
        runLog.finished(run.finish(after.state() == OutboxState.SUCCEEDED ? RunStatus.SUCCEEDED : RunStatus.FAILED,
                clock.instant(), counts(after, attempt.kind()), attempt.errorCode(), message(after),
                detail(after, after.state().name())));
        if (after.state() == OutboxState.FAILED_PERMANENTLY) {
            // told after the run-log row, so an alert's reader finds the attempt recorded
            giveUps.tell(after, clock.instant());
        }
    }

    /** Gives claimed entries back untried (their claim released, nothing else changed) for a later run. */
    private void release(List<OutboxEntry> untried) {
        for (OutboxEntry entry : untried) {
            try {
                outbox.update(entry);
            } catch (RuntimeException e) {
                // the claim then expires by itself
                LOG.warn("outbox: releasing the claim on entry {} failed: {}", entry.id(), e.toString());
            }
        }
    }

    private SARIClient clientFor(String tenantId, Map<String, SARIClient> cache) {
        if (cache.containsKey(tenantId)) {
            return cache.get(tenantId);
        }
        SARIClient client;
        try {
            client = clients.apply(tenantId);
        } catch (RuntimeException e) {
            LOG.warn("outbox: no SARI client for tenant {}: {}", tenantId, e.toString());
            client = null;
        }
        cache.put(tenantId, client);
        return client;
    }

    private static SyncCounts counts(OutboxEntry entry, PartCalls.Kind kind) {
        if (kind != PartCalls.Kind.CHANGED) {
            return SyncCounts.ZERO;
        }
        boolean enroll = entry.action() == OutboxAction.ENROLL;
        return new SyncCounts(0, 0, 0, 0, 0, enroll ? 1 : 0, enroll ? 0 : 1, 0);
    }

    private static String message(OutboxEntry entry) {
        return switch (entry.state()) {
            case SUCCEEDED -> null;
            case PENDING -> "failed transiently; next attempt at " + entry.nextAttemptAt();
            default -> "failed permanently after " + entry.attempts() + " attempt(s)";
        };
    }

    private static String detail(OutboxEntry entry, String outcome) {
        return "outbox retry of operation " + entry.operationId() + ", attempt " + entry.attempts() + ": part "
                + entry.courseId() + " faberId " + FaberIds.mask(entry.faberId()) + " " + entry.action() + " -> "
                + outcome;
    }

    /** The counts of one run. */
    private static final class Tally {
        int attempted;
        int succeeded;
        int retrying;
        int failed;
        int lostClaims;
        int lockedTenants;
        int lostLeases;
        int lateGiveUps;

        OutboxRunReport report() {
            return new OutboxRunReport(attempted, succeeded, retrying, failed, lostClaims, lockedTenants, lostLeases,
                    lateGiveUps);
        }
    }
}
