package io.github.sarisync.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chaos command at a tiny size: a line per scenario, then the final line, exit code 0. */
class ChaosCommandTest {
    @TempDir
    Path dir;

    @Test
    void chaosPrintsOneLinePerScenarioAndTheFinalFigures() {
        CliRunner.Result result = new CliRunner(dir).run("chaos", "--tenants", "4", "--rounds", "2", "--fault-rate",
                "0.2", "--seed", "5", "--parallelism", "4", "--database", "h2", "--instances", "2",
                "--concurrent-tenants", "3", "--concurrent-interval", "1s", "--concurrent-duration", "3s",
                "--concurrent-database", "h2", "--outbox-workers", "2", "--outbox-entries", "4", "--outbox-lease", "500ms",
                "--outbox-latency", "750ms", "--steal-tenants", "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("chaos faults tenants=4 rounds=2 ");
        assertThat(lines.get(1)).startsWith("chaos outbox workers=2 entries=4 lease_ms=500 latency_ms=750 sends=4 "
                + "double_sends=0 dropped=0 ");
        assertThat(lines.get(2)).startsWith("chaos concurrent instances=2 tenants=3 ");
        assertThat(lines.get(3)).startsWith("chaos lease-steal tenants=2 steals=2 ")
                .contains(" stale_writes=0 problems=0 ");
        assertThat(lines.get(4)).matches("chaos tenants=4 rounds=2 requests=[1-9]\\d* faults=\\d+ mismatches=0 "
                + "duplicates=0 lost_runs=0 overlaps=0 double_sends=0 dropped_entries=0 stale_writes=0");
        assertThat(result.err()).contains("chaos faults: round 3/3 (clean)");
    }

    @Test
    void aFaultRateOutOfRangeIsABadUsage() {
        CliRunner.Result result = new CliRunner(dir).run("chaos", "--fault-rate", "1.5", "--skip-concurrent");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("fault rate must be > 0 and <= 1, was 1.5");
    }
}
