package io.github.sarisync.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The read and manage commands on a database filled by one sync of the demo schools. */
class DemoCommandsTest {

    @TempDir
    static Path dir;

    private static CliRunner cli;

    @BeforeAll
    static void oneSyncOfTheDemoSchools() {
        cli = new CliRunner(dir);
        var sync = cli.run("sync", "--demo-schools", "2");
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
    }

    @Test
    void coursesListsStoredPartsAndFilters() {
        var all = cli.run("courses", "--limit", "5");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).containsPattern("tenant\\s+type\\s+part\\s+name\\s+starts\\s+location\\s+free\\s+status")
                .contains("ACTIVE").contains("5 parts shown (--limit 5 reached).");

        String tenant = firstTenant();
        var pgs = cli.run("courses", "--tenant", tenant, "--type", "PGS", "--status", "ACTIVE");
        assertThat(pgs.out().lines().skip(2).filter(l -> l.startsWith(tenant)))
                .isNotEmpty().allMatch(l -> l.matches(tenant + "\\s+PGS\\s+.*ACTIVE"));

        assertThat(cli.run("courses", "--status", "CANCELLED").out()).contains("No courses stored that match.");
    }

    @Test
    void historyShowsOneSucceededRunPerTenant() {
        var history = cli.run("history");

        assertThat(history.out().lines().filter(l -> l.contains("SUCCEEDED"))).hasSize(2);
    }

    @Test
    void statsShowsAFullSuccessRate() {
        var stats = cli.run("stats", "--window", "1h");

        assertThat(stats.out()).contains("Success rate over the last 1h: 100.0% of 2 runs in 2 tenants.");
    }

    @Test
    void testConnectionChecksEveryStoredTenant() {
        var result = cli.run("test-connection");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().filter(l -> l.contains(" OK "))).hasSize(2);
    }

    @Test
    void aPausedTenantIsSkippedByASyncOfAllButRunsWhenNamed() {
        String tenant = firstTenant();
        cli.run("tenants", "pause", tenant);
        try {
            var all = cli.run("sync");
            assertThat(all.out().lines().filter(l -> l.startsWith(tenant + " ")).toList())
                    .allMatch(l -> l.contains("SKIPPED"));

            var one = cli.run("sync", "--tenant", tenant, "--type", "VKU");
            assertThat(one.exitCode()).as(one.toString()).isZero();
            assertThat(one.out()).containsPattern(tenant + "\\s+SUCCESS").contains("1 tenant in");
        } finally {
            cli.run("tenants", "resume", tenant);
        }
    }

    @Test
    void anUnknownTenantToSyncIsAClearError() {
        var result = cli.run("sync", "--tenant", "nobody");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("sari-sync: unknown tenant 'nobody' (see 'sari-sync tenants list')");
    }

    private String firstTenant() {
        return cli.run("tenants").out().lines().skip(2).findFirst().orElseThrow().split("\\s+")[0];
    }
}
