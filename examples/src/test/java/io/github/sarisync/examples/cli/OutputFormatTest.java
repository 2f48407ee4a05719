package io.github.sarisync.examples.cli;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFormatTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theSummaryTableHasOneRowPerTenantAndATotalLine() {
        StringWriter out = new StringWriter();
        List<TenantSyncResult> results = List.of(
                result("school-a", SyncOutcome.SUCCESS, new SyncCounts(12, 1, 3, 2, 1, 20, 4, 0), null, null),
                result("school-b", SyncOutcome.FAILED, SyncCounts.ZERO, "AUTHENTICATION_FAILED",
                        "getToken: SARI refused the username or password"));

        SyncSummary.print(new PrintWriter(out), results, Duration.ofMillis(1500));

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("tenant\\s+outcome\\s+inserted\\s+updated\\s+unchanged\\s+completed\\s+"
                + "cancelled\\s+members\\+\\s+members-\\s+error");
        assertThat(lines.get(2)).matches("school-a\\s+SUCCESS\\s+12\\s+1\\s+3\\s+2\\s+1\\s+20\\s+4");
        assertThat(lines.get(3)).matches("school-b\\s+FAILED\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+"
                + "AUTHENTICATION_FAILED: getToken: SARI refused the username or password");
        assertThat(lines.get(4)).isEqualTo("2 tenants in 1.5 s: 1 succeeded, 1 failed. 12 parts inserted, 1 updated, "
                + "3 unchanged, 2 completed, 1 cancelled; members +20 -4.");
    }

    @Test
    void aRunThatChangedNothingSaysSo() {
        String line = SyncSummary.closingLine(List.of(
                result("school-a", SyncOutcome.SUCCESS, new SyncCounts(0, 0, 24, 0, 0, 0, 0, 0), null, null)),
                Duration.ofMillis(200));

        assertThat(line).isEqualTo("1 tenant in 0.2 s: 1 succeeded. No changes (24 parts unchanged).");
    }

    @Test
    void withoutTerminalProgressIsOnePlainLinePerTenant() {
        StringWriter err = new StringWriter();
        ProgressDisplay progress = new ProgressDisplay(new PrintWriter(err), false);
        progress.runStarted(2);
        progress.tenantStarted("school-a", "A");
        progress.tenantFinished(result("school-a", SyncOutcome.SUCCESS, new SyncCounts(5, 0, 0, 0, 0, 0, 0, 0), null, null));
        progress.tenantFinished(result("school-b", SyncOutcome.FAILED, SyncCounts.ZERO, "IO_ERROR", "SARI unreachable"));

        assertThat(err.toString().lines()).containsExactly(
                "[1/2] school-a: SUCCESS, 5 inserted, 0 updated, 0 unchanged, 0 gone",
                "[2/2] school-b: FAILED - IO_ERROR: SARI unreachable");
    }

    @Test
    void onATerminalProgressIsOneLineRewrittenInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressDisplay progress = new ProgressDisplay(new PrintWriter(err), true);
        progress.runStarted(3);
        progress.tenantStarted("school-a", "A");
        progress.tenantFinished(result("school-a", SyncOutcome.FAILED, SyncCounts.ZERO, "IO_ERROR", "down"));
        progress.tenantStarted("school-b", "B");

        assertThat(progress.progressLine()).isEqualTo("syncing: 1/3 tenants done, now: school-b, failures: 1");
        assertThat(err.toString()).doesNotContain("\n").contains("\rsyncing: 0/3 tenants done, now: school-a");
        progress.finish();
        assertThat(err.toString()).endsWith("\r");
    }

    @Test
    void longCellsAreCutSoTheTableStaysReadable() {
        StringWriter out = new StringWriter();
        TextTable.of("tenant", "error").row("a", "x".repeat(300)).print(new PrintWriter(out));

        String row = out.toString().lines().toList().get(2);
        assertThat(row).hasSize("tenant  ".length() + TextTable.MAX_CELL).startsWith("a       xxx").endsWith("x...");
    }

    private static TenantSyncResult result(String tenant, SyncOutcome outcome, SyncCounts counts, String code,
                                           String message) {
        Map<CourseType, SyncCounts> byType = outcome == SyncOutcome.FAILED ? Map.of() : Map.of(CourseType.VKU, counts);
        return new TenantSyncResult(tenant, tenant, "run-" + tenant, SyncTrigger.MANUAL, outcome, byType, code, message,
                List.of(), T0, T0.plusSeconds(1));
    }
}
