package io.github.sarisync.examples.cli;

import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Prints the summary table of a sync and the closing line that says what changed. */
final class SyncSummary {

    private SyncSummary() {
    }

    /** One row per tenant, then a total line. */
    static void print(PrintWriter out, List<TenantSyncResult> results, Duration took) {
        TextTable table = TextTable.of("tenant", "outcome", "inserted>", "updated>", "unchanged>", "completed>",
                "cancelled>", "members+>", "members->", "error");
        for (TenantSyncResult r : results) {
            SyncCounts c = r.total();
            table.row(r.tenantId(), r.outcome(), c.inserted(), c.updated(), c.unchanged(), c.completed(), c.cancelled(),
                    c.membersAdded(), c.membersRemoved(), problem(r));
        }
        if (table.isEmpty()) {
            out.println("No tenant to sync (every tenant is disabled, or none is registered: see 'sari-sync tenants').");
            out.flush();
            return;
        }
        table.print(out);
        out.println(closingLine(results, took));
        out.flush();
    }

    static void print(PrintWriter out, SyncReport report) {
        print(out, report.results(), Duration.between(report.startedAt(), report.finishedAt()));
    }

    /** "3 tenants in 1.2 s: 3 succeeded. 42 parts inserted, ..." or "... no changes." */
    static String closingLine(List<TenantSyncResult> results, Duration took) {
        SyncCounts total = results.stream().map(TenantSyncResult::total).reduce(SyncCounts.ZERO, SyncCounts::plus);
        StringBuilder b = new StringBuilder();
        b.append(results.size()).append(results.size() == 1 ? " tenant" : " tenants").append(" in ")
                .append(String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)).append(": ");
        b.append(outcomes(results)).append(". ");
        if (total.rowsWritten() == 0) {
            b.append("No changes (").append(total.unchanged()).append(" parts unchanged).");
        } else {
            b.append(total.inserted()).append(" parts inserted, ").append(total.updated()).append(" updated, ")
                    .append(total.unchanged()).append(" unchanged, ").append(total.completed()).append(" completed, ")
                    .append(total.cancelled()).append(" cancelled; members +").append(total.membersAdded())
                    .append(" -").append(total.membersRemoved()).append('.');
        }
        return b.toString();
    }

    private static String outcomes(List<TenantSyncResult> results) {
        StringBuilder b = new StringBuilder();
        for (SyncOutcome outcome : SyncOutcome.values()) {
            long n = results.stream().filter(r -> r.outcome() == outcome).count();
            if (n > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(word(outcome));
            }
        }
        return b.toString();
    }

    private static String word(SyncOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "succeeded";
            case PARTIAL -> "partial";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
        };
    }

    /** The error of a failed or skipped run, else the first warning of a partial one. */
    static String problem(TenantSyncResult r) {
        if (r.errorCode() != null || r.errorMessage() != null) {
            String code = r.errorCode() == null ? "" : r.errorCode();
            String message = r.errorMessage() == null ? "" : r.errorMessage();
            return code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
        }
        return r.warnings().isEmpty() ? "" : r.warnings().get(0);
    }
}
