package io.github.sarisync.examples.bench;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.examples.harness.CpuTime;
import io.github.sarisync.examples.harness.HarnessDatabase;
import io.github.sarisync.examples.harness.HeapPeak;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.testkit.Operation;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorStats;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Measures a sync of many driving schools against the simulator (sari-testkit) answering after
 * a fixed latency, on a real database. A cold round syncs everything into empty tables with member
 * policy ALL; then warm rounds sync again with nothing changed at SARI. Each round yields its
 * {@link RoundFigures}: requests the simulator answered, JDBC statements, course rows written,
 * wall time against the lower bound {@code requests x latency / parallelism}, and the peak heap.
 *
 * <p>The simulator runs in this process, so client, server and database share the machine's cores.
 * The schools' SARI clients are kept for the whole benchmark, as a long-running engine keeps them,
 * so the warm rounds reuse the access tokens of the cold round.
 */
public final class Benchmark {
    private final BenchConfig config;
    private final PrintWriter progress;

    /**
     * @param progress where set-up steps and warnings go (the figures are returned, not printed)
     */
    public Benchmark(BenchConfig config, PrintWriter progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Runs the cold round and the warm rounds, handing each round's figures to {@code onRound} as it ends. */
    public List<RoundFigures> run(Consumer<RoundFigures> onRound) {
        List<RoundFigures> rounds = new ArrayList<>();
        SariSimulator.Builder simulatorBuilder = SariSimulator.builder().latency(config.latency())
                .threads(config.simulatorThreads()).tokenLifetime(Duration.ofHours(12));
        if (config.fairUse() > 0) {
            simulatorBuilder.fairUseLimit(config.fairUse());
        }
        try (HeapPeak heap = new HeapPeak();
             SariSimulator simulator = simulatorBuilder.start();
             HarnessDatabase database = HarnessDatabase.open(config.database(), config.parallelism() + 4)) {
            String prefix = config.database().startsWith("jdbc:") ? "sari_bench_" : "sari_";
            RateLimit rateLimit = config.fairUse() > 0 ? RateLimit.perMinute(config.fairUse()) : RateLimit.unlimited();
            if (config.warmupTenants() > 0) {
                warmUp(simulator, database, prefix + "warmup_", rateLimit, heap);
            }
            long started = System.nanoTime();
            SariJdbc jdbc = jdbc(database, prefix);
            register(jdbc.tenantStore(), simulator, config.tenants(), "bench-school-", 1_000_000L);
            progress.printf("bench: %d schools (%d parts, %d members each) at the simulator and as tenants in %s, "
                            + "set up in %.1f s%n", config.tenants(), config.partsPerTenant(),
                    config.partsPerTenant() * config.members(), database.description(), seconds(started));
            progress.flush();

            SariClientFactory clients = keptClients(SariClientFactory.customized(b -> b.rateLimit(rateLimit)));
            RoundFigures cold = round("cold", MemberPolicy.ALL, jdbc, clients, simulator, database, heap);
            rounds.add(cold);
            onRound.accept(cold);
            for (int r = 0; r < config.warmRounds(); r++) {
                RoundFigures warm = round("warm", config.warmPolicy(), jdbc, clients, simulator, database, heap);
                rounds.add(warm);
                onRound.accept(warm);
            }
        }
        return rounds;
    }

    /**
     * Syncs some other schools, cold then warm, into tables of their own (same database, same
     * dialect, so the same code runs), and forgets the figures: the measured rounds then run on
     * compiled code, as a long-running engine does.
     */
    private void warmUp(SariSimulator simulator, HarnessDatabase database, String prefix, RateLimit rateLimit,
                        HeapPeak heap) {
        long started = System.nanoTime();
        SariJdbc jdbc = jdbc(database, prefix);
        register(jdbc.tenantStore(), simulator, config.warmupTenants(), "warmup-school-", 900_000_000L);
        SariClientFactory clients = keptClients(SariClientFactory.customized(b -> b.rateLimit(rateLimit)));
        round("warm-up", MemberPolicy.ALL, jdbc, clients, simulator, database, heap);
        round("warm-up", config.warmPolicy(), jdbc, clients, simulator, database, heap);
        progress.printf("bench: warm-up with %d other schools (tables %s*) in %.1f s%n", config.warmupTenants(), prefix,
                seconds(started));
        progress.flush();
    }

    private static SariJdbc jdbc(HarnessDatabase database, String prefix) {
        return SariJdbc.builder().dataSource(database.dataSource()).tablePrefix(prefix)
                .initializeSchema(SchemaInitialization.ALWAYS)
                .hostPolicy(SariSimulator.hostPolicy()).credentialsCipher(AesGcmCredentialsCipher.builder()
                        .currentKey("bench", AesGcmCredentialsCipher.generateKey()).build())
                .build();
    }

    /** Generates schools at the simulator and registers each as a tenant. */
    private void register(TenantStore tenants, SariSimulator simulator, int count, String idPrefix, long firstId) {
        if (!tenants.findAll().isEmpty()) {
            throw new IllegalStateException("the database already has tenants; bench needs empty tables "
                    + "(it uses the table prefix sari_bench_ on a JDBC URL)");
        }
        List<SimulatedSchool> schools = SchoolGenerator.builder().schools(count)
                .vku(config.vkuGroups(), config.vkuParts()).pgs(config.pgsGroups(), config.pgsParts())
                .membersPerPart(config.members()).idPrefix(idPrefix).firstPartId(firstId).firstFaberId(firstId)
                .build().populate(simulator);
        for (SimulatedSchool school : schools) {
            tenants.save(Tenant.of(school.id(), school.id(), simulator.baseUri()), school.credentials());
        }
    }

    /** The factory's clients, one per tenant, kept across engines (a new engine per round must not mean new tokens). */
    private static SariClientFactory keptClients(SariClientFactory factory) {
        record Key(String tenantId, SariCredentials credentials) {
        }
        Map<Key, SARIClient> clients = new ConcurrentHashMap<>();
        return (tenant, credentials) -> clients.computeIfAbsent(new Key(tenant.id(), credentials),
                key -> factory.create(tenant, credentials));
    }

    private RoundFigures round(String name, MemberPolicy policy, SariJdbc jdbc, SariClientFactory clients,
                               SariSimulator simulator, HarnessDatabase database, HeapPeak heap) {
        SyncOptions options = SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .parallelism(config.parallelism()).memberPolicy(policy).build();
        try (SARISyncEngine engine = SARISyncEngine.builder().tenantStore(jdbc.tenantStore())
                .courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock())
                .clientFactory(clients).options(options).build()) {
            heap.reset();
            simulator.resetCounters();
            database.counters().reset();
            double cpu = CpuTime.processSeconds();
            double dbCpu = database.serverCpuSeconds();
            long started = System.nanoTime();
            SyncReport report = engine.syncAll();
            double wall = seconds(started);
            cpu = CpuTime.processSeconds() - cpu;
            dbCpu = database.serverCpuSeconds() - dbCpu;
            long peak = heap.peakBytes();
            long peakLive = heap.peakLiveBytes();
            SimulatorStats stats = simulator.stats();
            long requests = stats.total();
            double lowerBound = requests * (config.latency().toNanos() / 1e9) / config.parallelism();
            report.failedTenants().stream().limit(5).forEach(failed ->
                    progress.println("bench: " + name + " round: tenant " + failed.tenantId() + " failed: "
                            + failed.error()));
            return new RoundFigures(name, config.tenants(), (long) config.tenants() * config.partsPerTenant(),
                    requests, stats.requests(Operation.TOKEN), stats.requests(Operation.COURSES),
                    stats.requests(Operation.COURSE_DETAIL), database.counters().statements(),
                    database.counters().courseRowsWritten(), wall, lowerBound, peak, peakLive,
                    report.failedTenants().size(),
                    config.fairUse() > 0 ? stats.maxRequestsPerMinute() : -1, cpu, dbCpu);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
