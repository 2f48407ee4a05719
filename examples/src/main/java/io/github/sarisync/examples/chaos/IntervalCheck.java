package io.github.sarisync.examples.chaos;

import io.github.sarisync.internal.sync.DueRule;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks that each tenant was synced once per interval: its schedule's slots (the engine's
 * stagger phase plus whole intervals) from the slot of its first successful run up to the last
 * slot that began at least {@code grace} before the engines stopped must each hold exactly one
 * successful (or PARTIAL) run, by the run's start. A slot without one is a skipped interval (a
 * tenant never synced counts once), every further run in a slot a double sync.
 */
final class IntervalCheck {
    private final Findings skipped = new Findings();
    private final Findings doubles = new Findings();
    private long maxLagMillis;

    IntervalCheck(List<String> tenants, List<RunRecorder.Run> runs, Duration interval, boolean stagger,
                  Instant stoppedAt, Duration grace) {
        long millis = interval.toMillis();
        Map<String, List<RunRecorder.Run>> byTenant = runs.stream()
                .filter(run -> run.result().outcome() == SyncOutcome.SUCCESS
                        || run.result().outcome() == SyncOutcome.PARTIAL)
                .collect(Collectors.groupingBy(run -> run.result().tenantId()));
        tenants.stream().filter(tenant -> !byTenant.containsKey(tenant))
                .forEach(tenant -> skipped.add("tenant " + tenant + ": never synced"));
        byTenant.forEach((tenant, tenantRuns) -> {
            long phase = stagger ? DueRule.phase(tenant, millis) : 0;
            TreeMap<Long, List<String>> slots = new TreeMap<>();
            for (RunRecorder.Run run : tenantRuns) {
                slots.computeIfAbsent(slot(run.result().startedAt(), phase, millis), k -> new ArrayList<>())
                        .add(run.instance());
            }
            tenantRuns.stream().map(run -> run.result().startedAt()).sorted().skip(1).forEach(start ->
                    maxLagMillis = Math.max(maxLagMillis, start.toEpochMilli() - phase
                            - slot(start, phase, millis) * millis));
            long last = slot(stoppedAt.minus(grace), phase, millis);
            for (long k = slots.firstKey(); k <= last; k++) {
                List<String> in = slots.getOrDefault(k, List.of());
                if (in.isEmpty()) {
                    skipped.add("tenant " + tenant + ": no sync in its interval starting "
                            + Instant.ofEpochMilli(phase + k * millis));
                }
            }
            slots.forEach((k, in) -> doubles.add(in.size() - 1, "tenant " + tenant + ": " + in.size()
                    + " syncs in its interval starting " + Instant.ofEpochMilli(phase + k * millis) + " by " + in));
        });
    }

    private static long slot(Instant at, long phase, long millis) {
        return Math.floorDiv(at.toEpochMilli() - phase, millis);
    }

    Findings skipped() {
        return skipped;
    }

    Findings doubles() {
        return doubles;
    }

    /** The longest time from the start of an interval to the start of the sync in it (a tenant's first sync aside). */
    Duration maxLag() {
        return Duration.ofMillis(maxLagMillis);
    }

    /** The successful runs per tenant, for the figures. */
    static long successful(List<RunRecorder.Run> runs) {
        return runs.stream().map(RunRecorder.Run::result).map(TenantSyncResult::outcome)
                .filter(o -> o == SyncOutcome.SUCCESS || o == SyncOutcome.PARTIAL).count();
    }
}
