package io.github.sarisync.enrollment;

import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.TenantRunStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run log that keeps the runs in memory in the order they started; the monitoring queries are answered simply. */
final class RecordingRunLog implements SyncLogStore {
    private final Map<String, SyncRun> runs = new LinkedHashMap<>();

    @Override
    public synchronized void started(SyncRun run) {
        runs.put(run.runId(), run);
    }

    @Override
    public synchronized void heartbeat(String runId, Instant at) {
        runs.computeIfPresent(runId, (id, r) -> r.status() != RunStatus.STARTED ? r
                : new SyncRun(r.runId(), r.tenantId(), r.operation(), r.trigger(), r.status(), r.startedAt(), at,
                        null, r.counts(), null, null, r.detail()));
    }

    @Override
    public synchronized void finished(SyncRun run, io.github.sarisync.spi.Lease lease) {
        runs.put(run.runId(), run);
    }

    @Override
    public synchronized int markAbandoned(Instant heartbeatBefore, Instant at) {
        return 0;
    }

    @Override
    public synchronized int purge(Instant startedBefore) {
        return 0;
    }

    @Override
    public synchronized List<SyncRun> recentRuns(String tenantId, int limit) {
        List<SyncRun> list = new ArrayList<>(runs.values());
        list.sort(Comparator.comparing(SyncRun::startedAt).reversed());
        return list.stream().filter(r -> tenantId == null || tenantId.equals(r.tenantId())).limit(limit).toList();
    }

    @Override
    public synchronized List<SyncRun> lastRunPerTenant() {
        return List.of();
    }

    @Override
    public synchronized List<TenantRunStats> stats(Instant since) {
        return List.of();
    }

    @Override
    public synchronized List<SyncRun> runningRuns() {
        return runs.values().stream().filter(r -> r.status() == RunStatus.STARTED).toList();
    }

    /** Every run in the order it started. */
    synchronized List<SyncRun> all() {
        return List.copyOf(runs.values());
    }

    synchronized SyncRun run(String runId) {
        return runs.get(runId);
    }
}
