package io.github.sarisync.examples.cli;

import io.github.sarisync.examples.chaos.ConcurrentConfig;
import io.github.sarisync.examples.chaos.ConcurrentResult;
import io.github.sarisync.examples.chaos.ConcurrentScenario;
import io.github.sarisync.examples.chaos.FaultsConfig;
import io.github.sarisync.examples.chaos.FaultsResult;
import io.github.sarisync.examples.chaos.FaultsScenario;
import io.github.sarisync.examples.chaos.OutboxDrainConfig;
import io.github.sarisync.examples.chaos.OutboxDrainResult;
import io.github.sarisync.examples.chaos.OutboxDrainScenario;
import io.github.sarisync.examples.chaos.LeaseStealResult;
import io.github.sarisync.examples.chaos.LeaseStealScenario;
import io.github.sarisync.examples.harness.HarnessDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code chaos}: scenario 1 (faults and changing data against the built-in simulator, then a
 * check that the database mirrors it), the outbox round (several enrolment outbox workers against a
 * SARI slower than their claim lease, on scenario 1's database), scenario 4 (several engines on one
 * PostgreSQL) and the "lease stolen mid-run" round (on scenario 4's database), one line of figures per
 * scenario and a final line. Ignores the configured database and SARI.
 */
@Command(name = "chaos", sortOptions = false,
        description = {"Proves that nothing is lost. Scenario 1: syncs many driving schools from the built-in "
                + "simulator round after round while a share of all requests fails (INTERNAL_SERVER_ERROR, HTTP 500 "
                + "and 503, 429 with Retry-After, truncated JSON, HTML pages, slow answers, timeouts, expired "
                + "tokens) and the data changes between rounds; after one clean round the database must mirror the "
                + "simulator, without duplicate rows, with one run-log entry per tenant and round, and no last "
                + "success advanced by a failed round. Outbox round: several enrolment outbox workers drain one "
                + "outbox while SARI answers later than their claim lease: every change sent once, none dropped. "
                + "Scenario 4: several engines run syncDue in a loop on one "
                + "PostgreSQL: no tenant in two at once, one sync per tenant and interval, no duplicates. Lease "
                + "stolen mid-run (with scenario 4): an engine frozen inside its write loses its lease to another "
                + "engine that syncs the school; nothing the frozen engine writes afterwards may land.",
                "Prints a line per scenario and finally: chaos tenants=.. rounds=.. requests=.. faults=.. "
                        + "mismatches=.. duplicates=.. lost_runs=.. overlaps=.. double_sends=.. dropped_entries=.. "
                        + "stale_writes=..",
                "Exit code 1 when any of mismatches, duplicates, lost_runs, overlaps, double_sends, "
                        + "dropped_entries or stale_writes is not 0, or a steal did not go as planned."})
final class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tenants", paramLabel = "N", description = "Driving schools of scenario 1 (default: 200).")
    int tenants = 200;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds with faults; one clean round follows "
            + "(default: 20).")
    int rounds = 20;

    @Option(names = "--fault-rate", paramLabel = "SHARE", description = "Share of requests answered with a fault, "
            + "e.g. 0.10 (default: 0.10).")
    double faultRate = 0.10;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds schools, data changes and faults (default: 1).")
    long seed = 1;

    @Option(names = "--parallelism", paramLabel = "N", description = "Tenants synced at once in scenario 1 "
            + "(default: 32).")
    int parallelism = 32;

    @Option(names = "--database", paramLabel = "DB", description = "Scenario 1's database: postgres (embedded, "
            + "default), h2 (a file in a temporary folder) or a JDBC URL (empty tables with prefix sari_chaos_; user "
            + "and password from SARI_JDBC_USER / SARI_JDBC_PASSWORD).")
    String database = "postgres";

    @Option(names = "--instances", paramLabel = "N", description = "Engines of scenario 4 (default: 3).")
    int instances = 3;

    @Option(names = "--concurrent-tenants", paramLabel = "N", description = "Driving schools of scenario 4 "
            + "(default: 30).")
    int concurrentTenants = 30;

    @Option(names = "--concurrent-interval", paramLabel = "DURATION", description = "Every tenant's sync interval "
            + "in scenario 4 (default: 5s).")
    String concurrentInterval = "5s";

    @Option(names = "--concurrent-duration", paramLabel = "DURATION", description = "How long the engines of "
            + "scenario 4 run (default: 60s).")
    String concurrentDuration = "60s";

    @Option(names = "--concurrent-database", paramLabel = "DB", description = "Scenario 4's database: postgres "
            + "(embedded, default), h2 or a JDBC URL (empty tables with prefix sari_concurrent_); the same as --database "
            + "shares one database.")
    String concurrentDatabase = "postgres";

    @Option(names = "--steal-tenants", paramLabel = "N", description = "Driving schools of the lease-stolen-mid-run "
            + "round, each stolen once (default: 10).")
    int stealTenants = 10;

    @Option(names = "--skip-concurrent", description = "Skip scenario 4.")
    boolean skipConcurrent;

    @Option(names = "--outbox-workers", paramLabel = "N", description = "Outbox workers of the outbox round "
            + "(default: 3).")
    int outboxWorkers = 3;

    @Option(names = "--outbox-entries", paramLabel = "N", description = "Outbox entries the workers drain "
            + "(default: 60).")
    int outboxEntries = 60;

    @Option(names = "--outbox-lease", paramLabel = "DURATION", description = "The workers' claim lease "
            + "(default: 1s).")
    String outboxLease = "1s";

    @Option(names = "--outbox-latency", paramLabel = "DURATION", description = "How long SARI takes to answer in "
            + "the outbox round, longer than the lease (default: 1500ms).")
    String outboxLatency = "1500ms";

    @Option(names = "--skip-outbox", description = "Skip the outbox round.")
    boolean skipOutbox;

    @Override
    public Integer call() {
        SariSyncCli root = SariSyncCli.root(spec);
        CliEnvironment env = root.environment();
        if (!root.verbose()) {
            root.quietLibrary();
        }
        PrintWriter out = env.out();
        PrintWriter err = env.err();
        FaultsConfig faults = new FaultsConfig(tenants, rounds, faultRate, seed, parallelism);
        ConcurrentConfig concurrent = skipConcurrent ? null : new ConcurrentConfig(instances, concurrentTenants,
                Durations.parse(concurrentDuration), Durations.parse(concurrentInterval), seed, 4);
        OutboxDrainConfig outboxRound = skipOutbox ? null : new OutboxDrainConfig(outboxWorkers, outboxEntries,
                Durations.parse(outboxLease), Durations.parse(outboxLatency), seed);
        boolean shared = concurrent != null && database.trim().equalsIgnoreCase(concurrentDatabase.trim());
        FaultsResult first;
        OutboxDrainResult outbox = null;
        ConcurrentResult fourth = null;
        LeaseStealResult steal = null;
        try (HarnessDatabase db = HarnessDatabase.open(database, parallelism + 4)) {
            first = new FaultsScenario(faults, err).run(db);
            out.println(first.line());
            out.flush();
            if (outboxRound != null) {
                outbox = new OutboxDrainScenario(outboxRound, err).run(db);
                out.println(outbox.line());
                out.flush();
            }
            if (shared) {
                fourth = new ConcurrentScenario(concurrent, err).run(db);
                steal = new LeaseStealScenario(stealTenants, seed, err).run(db);
            }
        }
        if (concurrent != null && !shared) {
            try (HarnessDatabase db = HarnessDatabase.open(concurrentDatabase, 8)) {
                fourth = new ConcurrentScenario(concurrent, err).run(db);
                steal = new LeaseStealScenario(stealTenants, seed, err).run(db);
            }
        }
        if (fourth != null) {
            out.println(fourth.line());
        }
        if (steal != null) {
            out.println(steal.line());
        }
        long requests = first.requests() + (fourth == null ? 0 : fourth.requests());
        int mismatches = first.mismatches().count() + (fourth == null ? 0 : fourth.mismatches().count());
        int duplicates = first.duplicates().count() + (fourth == null ? 0 : fourth.duplicates().count());
        int lostRuns = first.lostRuns().count() + (fourth == null ? 0 : fourth.lostRuns());
        int overlaps = fourth == null ? 0 : fourth.overlaps().count();
        long doubleSends = outbox == null ? 0 : outbox.doubleSends();
        int dropped = outbox == null ? 0 : outbox.dropped().count();
        int staleWrites = steal == null ? 0 : steal.staleWrites().count();
        int stealProblems = steal == null ? 0 : steal.problems().count();
        out.println(String.format(Locale.ROOT, "chaos tenants=%d rounds=%d requests=%d faults=%d mismatches=%d "
                        + "duplicates=%d lost_runs=%d overlaps=%d double_sends=%d dropped_entries=%d stale_writes=%d",
                tenants, rounds, requests, first.faults(), mismatches, duplicates, lostRuns, overlaps, doubleSends,
                dropped, staleWrites));
        out.flush();
        return mismatches + duplicates + lostRuns + overlaps + doubleSends + dropped + staleWrites + stealProblems == 0
                ? ExitCodes.OK
                : ExitCodes.FAILURE;
    }
}
