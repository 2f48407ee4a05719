package io.github.sarisync.enrollment;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One outbox run: claims the due entries and tries each once, writing a run-log row per attempt. The
 * claims are extended while the run works; an entry whose claim was lost (the run took longer than the
 * lease and another run took it) is left to its new holder and counted as lost.
 */
final class OutboxProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxProcessor.class);

    private final EnrollmentOutbox outbox;
    private final Function<String, SARIClient> clients;
    private final PartCalls calls;
    private final RunLogWriter runLog;
    private final OutboxPolicy policy;
    private final Clock clock;
    private final OutboxListener listener;

    OutboxProcessor(EnrollmentOutbox outbox, Function<String, SARIClient> clients, PartCalls calls,
                    RunLogWriter runLog, OutboxPolicy policy, Clock clock, OutboxListener listener) {
        this.listener = new GuardedOutboxListener(listener);
        this.outbox = outbox;
        this.clients = clients;
        this.calls = calls;
        this.runLog = runLog;
        this.policy = policy;
        this.clock = clock;
    }

    OutboxRunReport run() {
        List<OutboxEntry> claimed = outbox.claimDue(clock.instant(), policy.claimLease(), policy.batchSize());
        try (ClaimKeeper claims = new ClaimKeeper(outbox, policy.claimLease(), clock)) {
            claimed.forEach(e -> claims.hold(e.claimToken()));
            return attemptAll(claimed, claims);
        }
    }

    private OutboxRunReport attemptAll(List<OutboxEntry> claimed, ClaimKeeper claims) {
        Map<String, SARIClient> clientCache = new HashMap<>();
        int succeeded = 0;
        int retrying = 0;
        int failed = 0;
        int lost = 0;
        for (OutboxEntry entry : claimed) {
            SyncRun run = SyncRun.started(UUID.randomUUID().toString(), entry.tenantId(), entry.action().name(),
                    SyncTrigger.SCHEDULED, clock.instant());
            runLog.started(run);
            SARIClient client = clientFor(entry.tenantId(), clientCache);
            PartCalls.Attempt attempt = client == null ? calls.unavailable(entry)
                    : calls.attempt(client, entry, claims);
            OutboxEntry after = attempt.entry();
            if (attempt.lost()) {
                lost++;
                runLog.finished(run.finish(RunStatus.SKIPPED, clock.instant(), SyncCounts.ZERO, PartCalls.CLAIM_LOST,
                        "claim lost: another outbox run holds the entry and carries it out", detail(entry, "claim lost")));
                continue;
            }
            switch (after.state()) {
                case SUCCEEDED -> succeeded++;
                case PENDING -> retrying++;
                default -> failed++;
            }
            runLog.finished(run.finish(after.state() == OutboxState.SUCCEEDED ? RunStatus.SUCCEEDED : RunStatus.FAILED,
                    clock.instant(), counts(after, attempt.kind()), attempt.errorCode(), message(after),
                    detail(after, after.state().name())));
            if (after.state() == OutboxState.FAILED_PERMANENTLY) {
                // told after the run-log row, so an alert's reader finds the attempt recorded
                listener.entryGaveUp(OutboxGiveUp.of(after, clock.instant()));
            }
        }
        return new OutboxRunReport(claimed.size(), succeeded, retrying, failed, lost);
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
}
