package io.github.sarisync.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code bench} command at a tiny size: the figures it prints add up (a cold round asks for
 * exactly one token, one list per type and one detail per part per tenant; a warm round writes no
 * course rows). Speed is not checked here: the figures are read by a person running the command.
 */
class BenchCommandTest {
    private static final int TENANTS = 3;
    private static final int PARTS_PER_TENANT = 2 * 2 + 1 * 3;
    private static final int MEMBERS = 2;

    @TempDir
    Path dir;

    @Test
    void onH2TheColdRoundFetchesEverythingOnceAndTheWarmRoundsWriteNothing() {
        List<Map<String, String>> rounds = bench("h2", "0");

        assertThat(rounds).extracting(r -> r.get("round")).containsExactly("cold", "warm", "warm");
        assertColdRound(rounds.get(0));
        assertWarmRound(rounds.get(1));
        assertWarmRound(rounds.get(2));
    }

    @Test
    void onTheEmbeddedPostgresAfterAWarmUpTheFiguresAreTheSame() {
        List<Map<String, String>> rounds = bench("postgres", "2");

        assertColdRound(rounds.get(0));
        assertWarmRound(rounds.get(2));
    }

    @Test
    void theFairUseLimitIsKeptAndTheHighestRateReported() {
        var result = new CliRunner(dir).run("bench", "--tenants", "2", "--vku", "1x2", "--pgs", "1x1", "--members", "1",
                "--latency", "0", "--parallelism", "2", "--database", "h2", "--rounds", "1", "--fair-use", "60",
                "--warmup", "0");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, String> warm = figures(lastLine(result.out()));
        assertThat(warm).containsKey("max_requests_per_school_minute");
        assertThat(Integer.parseInt(warm.get("max_requests_per_school_minute"))).isBetween(1, 60);
    }

    @Test
    void aMalformedShapeIsAUsageErrorNamingTheOption() {
        var result = new CliRunner(dir).run("bench", "--vku", "six-by-four");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--vku must be GROUPSxPARTS like 6x4, was 'six-by-four'");
    }

    @Test
    void anUnknownDatabaseIsAUsageErrorBeforeAnythingStarts() {
        var result = new CliRunner(dir).run("bench", "--tenants", "1", "--database", "oracle");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("database must be postgres (embedded), h2 or a JDBC URL, was 'oracle'");
    }

    private List<Map<String, String>> bench(String database, String warmup) {
        var result = new CliRunner(dir).run("bench", "--tenants", String.valueOf(TENANTS), "--vku", "2x2", "--pgs",
                "1x3", "--members", String.valueOf(MEMBERS), "--latency", "1ms", "--parallelism", "2", "--database",
                database, "--rounds", "2", "--warmup", warmup);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String[] lines = result.out().strip().split("\n");
        assertThat(lines).allMatch(line -> line.startsWith("bench round="));
        assertThat(lastLine(result.out())).startsWith("bench round=warm tenants=3 parts=21 requests=");
        return Arrays.stream(lines).map(BenchCommandTest::figures).toList();
    }

    private static void assertColdRound(Map<String, String> cold) {
        assertThat(cold.get("round")).isEqualTo("cold");
        assertThat(cold.get("tenants")).isEqualTo("3");
        assertThat(cold.get("parts")).isEqualTo(String.valueOf(TENANTS * PARTS_PER_TENANT));
        assertThat(cold.get("tokens")).isEqualTo(String.valueOf(TENANTS));
        assertThat(cold.get("lists")).isEqualTo(String.valueOf(TENANTS * 2));
        assertThat(cold.get("details")).isEqualTo(String.valueOf(TENANTS * PARTS_PER_TENANT));
        assertThat(cold.get("requests")).isEqualTo(String.valueOf(TENANTS * (1 + 2 + PARTS_PER_TENANT)));
        // 3 groups, 7 parts and 14 members per school
        assertThat(cold.get("rows_written")).isEqualTo(String.valueOf(TENANTS * (3 + PARTS_PER_TENANT
                + PARTS_PER_TENANT * MEMBERS)));
        assertThat(cold.get("failed")).isEqualTo("0");
        assertThat(Double.parseDouble(cold.get("lower_bound_s"))).isPositive();
        assertThat(Long.parseLong(cold.get("peak_heap_mb"))).isPositive();
    }

    private static void assertWarmRound(Map<String, String> warm) {
        assertThat(warm.get("round")).isEqualTo("warm");
        assertThat(warm.get("rows_written")).isEqualTo("0");
        assertThat(warm.get("tokens")).isEqualTo("0");
        assertThat(warm.get("lists")).isEqualTo(String.valueOf(TENANTS * 2));
        assertThat(Double.parseDouble(warm.get("requests_per_tenant"))).isLessThanOrEqualTo(2.5);
        assertThat(Double.parseDouble(warm.get("statements_per_tenant"))).isBetween(1.0, 10.0);
        assertThat(warm.get("failed")).isEqualTo("0");
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static Map<String, String> figures(String line) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String field : line.trim().split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                figures.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return figures;
    }
}
