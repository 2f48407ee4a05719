package io.github.sarisync.memory;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.TenantRunStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link SyncLogStore} in memory, for tests, demos and small hosts. It keeps every run until
 * {@link #purge(Instant)} removes it (the engine purges by its retention). Thread-safe.
 *
 * <p>Built with the engines' {@link InMemorySyncLock}, a run finished with a lease is recorded only
 * while that take of the lease is current; built without one, only a lease older than the newest
 * it has seen is refused.
 */
public final class InMemorySyncLogStore implements SyncLogStore {
    private record Entry(SyncRun run, long sequence) {
    }

    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparing((Entry e) -> e.run().startedAt()).thenComparingLong(Entry::sequence);

    private final Map<String, Entry> runs = new HashMap<>();
    private long sequence;
    private final LeaseGuard guard;

    /** A store that fences finished runs only against older fences it has seen (no lock to ask). */
    public InMemorySyncLogStore() {
        this(null);
    }

    /** A store whose fenced run ends are recorded only while the writer holds its lease in {@code lock}. */
    public InMemorySyncLogStore(InMemorySyncLock lock) {
        this.guard = new LeaseGuard(lock);
    }

    @Override
    public synchronized void started(SyncRun run) {
        Objects.requireNonNull(run, "run");
        runs.put(run.runId(), new Entry(run, sequence++));
    }

    @Override
    public synchronized void heartbeat(String runId, Instant at) {
        Entry entry = runs.get(runId);
        if (entry != null && entry.run().status() == RunStatus.STARTED) {
            SyncRun r = entry.run();
            runs.put(runId, new Entry(new SyncRun(r.runId(), r.tenantId(), r.operation(), r.trigger(), r.status(),
                    r.startedAt(), at, r.finishedAt(), r.counts(), r.errorCode(), r.errorMessage(), r.detail()),
                    entry.sequence()));
        }
    }

    @Override
    public void finished(SyncRun run, Lease lease) {
        Objects.requireNonNull(run, "run");
        // the lease is checked first and this store's monitor taken inside, the order every write keeps
        guard.write(lease, "syncLogStore.finished of run " + run.runId() + " of tenant " + run.tenantId(), () -> {
            synchronized (this) {
                Entry entry = runs.get(run.runId());
                runs.put(run.runId(), new Entry(run, entry != null ? entry.sequence() : sequence++));
            }
        });
    }

    @Override
    public synchronized int markAbandoned(Instant heartbeatBefore, Instant at) {
        int count = 0;
        for (Entry entry : List.copyOf(runs.values())) {
            SyncRun r = entry.run();
            if (r.status() == RunStatus.STARTED && r.heartbeatAt().isBefore(heartbeatBefore)) {
                runs.put(r.runId(), new Entry(new SyncRun(r.runId(), r.tenantId(), r.operation(), r.trigger(),
                        RunStatus.ABANDONED, r.startedAt(), r.heartbeatAt(), at, r.counts(), r.errorCode(),
                        r.errorMessage(), r.detail()), entry.sequence()));
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized int purge(Instant startedBefore) {
        int before = runs.size();
        runs.values().removeIf(e -> e.run().status().isFinal() && e.run().startedAt().isBefore(startedBefore));
        return before - runs.size();
    }

    @Override
    public synchronized List<SyncRun> recentRuns(String tenantId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        return runs.values().stream().filter(e -> tenantId == null || tenantId.equals(e.run().tenantId()))
                .sorted(OLDEST_FIRST.reversed()).limit(limit).map(Entry::run).toList();
    }

    @Override
    public synchronized List<SyncRun> lastRunPerTenant() {
        Map<String, Entry> newest = new TreeMap<>();
        for (Entry entry : runs.values()) {
            newest.merge(entry.run().tenantId(), entry, (a, b) -> OLDEST_FIRST.compare(a, b) >= 0 ? a : b);
        }
        return newest.values().stream().map(Entry::run).toList();
    }

    @Override
    public synchronized List<TenantRunStats> stats(Instant since) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Entry entry : runs.values()) {
            SyncRun r = entry.run();
            if (!r.status().isFinal() || r.startedAt().isBefore(since)) {
                continue;
            }
            counts.computeIfAbsent(r.tenantId(), t -> new int[RunStatus.values().length])[r.status().ordinal()]++;
        }
        List<TenantRunStats> stats = new ArrayList<>(counts.size());
        counts.forEach((tenant, c) -> stats.add(new TenantRunStats(tenant, c[RunStatus.SUCCEEDED.ordinal()],
                c[RunStatus.PARTIAL.ordinal()], c[RunStatus.FAILED.ordinal()], c[RunStatus.SKIPPED.ordinal()],
                c[RunStatus.ABANDONED.ordinal()])));
        return List.copyOf(stats);
    }

    @Override
    public synchronized List<SyncRun> runningRuns() {
        return runs.values().stream().filter(e -> e.run().status() == RunStatus.STARTED).sorted(OLDEST_FIRST)
                .map(Entry::run).toList();
    }
}
