package io.github.sarisync.examples.chaos;

import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Keeps account of sync rounds in which every tenant runs once ({@code syncAll}) and checks what
 * they left: each round's report has one result per tenant; a tenant's last success moves to the
 * start of a run that succeeded (or was PARTIAL) and never with a FAILED one; and at the end the
 * run log holds exactly one finished SYNC entry per tenant and round, with the round's outcome.
 * Every violation is one {@link #lostRuns() lost run}.
 */
public final class RunLedger {
    private final SariJdbc jdbc;
    private final Map<String, RunStatus> expected = new HashMap<>();
    private final Findings lost = new Findings();
    private int rounds;

    public RunLedger(SariJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenants' states now, to hand to {@link #round} after the next round. */
    public Map<String, TenantState> states() {
        return jdbc.tenantStore().findAll().stream().collect(Collectors.toMap(Tenant::id, Tenant::state));
    }

    /** Records one round: its report, and the tenants' states from before it. */
    public void round(Map<String, TenantState> before, SyncReport report) {
        rounds++;
        Map<String, TenantState> after = states();
        Map<String, Long> results = report.results().stream()
                .collect(Collectors.groupingBy(TenantSyncResult::tenantId, Collectors.counting()));
        for (String tenant : before.keySet()) {
            long n = results.getOrDefault(tenant, 0L);
            if (n != 1) {
                lost.add("round " + rounds + ": " + n + " results for tenant " + tenant);
            }
        }
        for (TenantSyncResult result : report.results()) {
            if (result.runId() != null) {
                expected.put(result.runId(), status(result.outcome()));
            }
            TenantState old = before.get(result.tenantId());
            TenantState now = after.get(result.tenantId());
            if (old == null || now == null) {
                lost.add("round " + rounds + ": tenant " + result.tenantId() + " unknown");
                continue;
            }
            if (result.outcome() == SyncOutcome.FAILED && !Objects.equals(old.lastSuccessAt(), now.lastSuccessAt())) {
                lost.add("round " + rounds + ": tenant " + result.tenantId() + " FAILED (" + result.errorCode()
                        + ") but its last success moved from " + old.lastSuccessAt() + " to " + now.lastSuccessAt());
            }
            boolean succeeded = result.outcome() == SyncOutcome.SUCCESS || result.outcome() == SyncOutcome.PARTIAL;
            if (succeeded && !Objects.equals(result.startedAt(), now.lastSuccessAt())) {
                lost.add("round " + rounds + ": tenant " + result.tenantId() + " " + result.outcome()
                        + " but its last success is " + now.lastSuccessAt() + ", not " + result.startedAt());
            }
        }
    }

    /** Compares the run log with the rounds recorded; call once, after the last round. */
    public void checkRunLog(int tenants) {
        List<SyncRun> runs = jdbc.syncLogStore().recentRuns(null, Math.max(1, tenants * rounds * 2 + 100));
        Map<String, Long> perTenant = runs.stream().filter(run -> SyncRun.SYNC.equals(run.operation()))
                .collect(Collectors.groupingBy(SyncRun::tenantId, Collectors.counting()));
        if (perTenant.size() != tenants) {
            lost.add(Math.abs(tenants - perTenant.size()), "run log has entries of " + perTenant.size()
                    + " tenants, expected " + tenants);
        }
        perTenant.forEach((tenant, n) -> {
            if (n != rounds) {
                lost.add((int) Math.abs(n - rounds), "tenant " + tenant + " has " + n + " run-log entries for "
                        + rounds + " rounds");
            }
        });
        Map<String, SyncRun> byId = runs.stream().collect(Collectors.toMap(SyncRun::runId, run -> run, (a, b) -> a));
        expected.forEach((runId, status) -> {
            SyncRun run = byId.get(runId);
            if (run == null) {
                lost.add("run " + runId + " (" + status + ") is missing from the run log");
            } else if (run.status() != status) {
                lost.add("run " + runId + " of tenant " + run.tenantId() + " is logged " + run.status() + ", it was "
                        + status);
            }
        });
    }

    /** Violations found so far, each a lost run. */
    public Findings lostRuns() {
        return lost;
    }

    public int rounds() {
        return rounds;
    }

    /** The run-log status of a run with this outcome. */
    static RunStatus status(SyncOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> RunStatus.SUCCEEDED;
            case PARTIAL -> RunStatus.PARTIAL;
            case FAILED -> RunStatus.FAILED;
            case SKIPPED -> RunStatus.SKIPPED;
        };
    }
}
