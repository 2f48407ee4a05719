package io.github.sarisync.examples.cli;

import io.github.sarisync.examples.bench.BenchConfig;
import io.github.sarisync.examples.bench.Benchmark;
import io.github.sarisync.examples.bench.RoundFigures;
import io.github.sarisync.sync.MemberPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench}: syncs many generated driving schools from the built-in simulator answering after a
 * fixed latency into a fresh database, once cold and then warm, and prints one line of figures per
 * round (the last line is the last warm round). Ignores the configured database and SARI.
 */
@Command(name = "bench", sortOptions = false,
        description = {"Benchmarks a sync of many driving schools against the built-in simulator with a fixed "
                + "latency per request, on a fresh database: a cold round (empty tables, member policy ALL), then "
                + "warm rounds (nothing changed at SARI). Prints one line of figures per round, the last warm round "
                + "last; lower_bound_s = requests x latency / parallelism, ratio = wall_s / lower_bound_s.",
                "Exit code 1 when a tenant failed in any round."})
final class BenchCommand implements Callable<Integer> {
    private static final BenchConfig DEFAULTS = BenchConfig.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--tenants", paramLabel = "N", description = "Driving schools (default: 1000).")
    int tenants = DEFAULTS.tenants();

    @Option(names = "--vku", paramLabel = "GROUPSxPARTS", description = "VKU groups and parts per group of each "
            + "school (default: 6x4).")
    String vku = DEFAULTS.vkuGroups() + "x" + DEFAULTS.vkuParts();

    @Option(names = "--pgs", paramLabel = "GROUPSxPARTS", description = "PGS groups and parts per group (default: 3x2).")
    String pgs = DEFAULTS.pgsGroups() + "x" + DEFAULTS.pgsParts();

    @Option(names = "--members", paramLabel = "N", description = "Students per part (default: 5).")
    int members = DEFAULTS.members();

    @Option(names = "--latency", paramLabel = "DURATION", description = "Simulated round trip per request, e.g. "
            + "50ms, or 0 (default: 50ms).")
    String latency = "50ms";

    @Option(names = "--parallelism", paramLabel = "N", description = "Tenants synced at once (default: 32).")
    int parallelism = DEFAULTS.parallelism();

    @Option(names = "--member-policy", paramLabel = "POLICY", description = "Member policy of the warm rounds: "
            + "ALL, NONE or CHANGED (default: CHANGED; the cold round uses ALL).")
    MemberPolicy memberPolicy = DEFAULTS.warmPolicy();

    @Option(names = "--database", paramLabel = "DB", description = "postgres (embedded, default), h2 (a file in a "
            + "temporary folder) or a JDBC URL (empty tables with prefix sari_bench_; user and password from "
            + "SARI_JDBC_USER / SARI_JDBC_PASSWORD).")
    String database = DEFAULTS.database();

    @Option(names = "--rounds", paramLabel = "N", description = "Warm rounds after the cold one (default: 1).")
    int rounds = DEFAULTS.warmRounds();

    @Option(names = "--fair-use", paramLabel = "N", description = "Requests per minute and school the simulator "
            + "allows (and the client keeps to); 0 = off (default). Adds the highest rate seen to each line.")
    int fairUse = DEFAULTS.fairUse();

    @Option(names = "--simulator-threads", paramLabel = "N", description = "Threads of the simulator (default: 8).")
    int simulatorThreads = DEFAULTS.simulatorThreads();

    @Option(names = "--warmup", paramLabel = "N", description = "Schools synced in tables of their own before the "
            + "measured rounds, so that the JVM has compiled its hot code; 0 = none (default: 100).")
    int warmup = DEFAULTS.warmupTenants();

    @Override
    public Integer call() {
        CliEnvironment env = SariSyncCli.root(spec).environment();
        int[] vkuShape = shape("--vku", vku);
        int[] pgsShape = shape("--pgs", pgs);
        BenchConfig config = new BenchConfig(tenants, vkuShape[0], vkuShape[1], pgsShape[0], pgsShape[1], members,
                latency(latency), parallelism, memberPolicy, database, rounds, fairUse, simulatorThreads, warmup);
        PrintWriter out = env.out();
        List<RoundFigures> figures = new Benchmark(config, env.err()).run(round -> {
            out.println(round.line());
            out.flush();
        });
        return figures.stream().anyMatch(round -> round.failedTenants() > 0) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** {@code 6x4} as groups 6, parts 4. */
    static int[] shape(String option, String text) {
        String[] pieces = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (pieces.length == 2) {
                return new int[]{Integer.parseInt(pieces[0].trim()), Integer.parseInt(pieces[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be GROUPSxPARTS like 6x4, was '" + text + "'");
    }

    static Duration latency(String text) {
        return text.trim().equals("0") ? Duration.ZERO : Durations.parse(text);
    }
}
