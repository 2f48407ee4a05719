package io.github.sarisync.examples.chaos;

import com.zaxxer.hikari.HikariDataSource;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.examples.harness.HarnessDatabase;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scenario 4, concurrent instances: after an initial load of every school (so the scenario runs
 * in the steady state of a host that has been syncing for a while), several engines, each with
 * its own connection pool, stores and instance id, call {@code syncDue} in a loop on one database for a while, in real time, with
 * every tenant's interval short enough to come due many times, while the {@link Weather} changes
 * SARI's data every five seconds. Then one more engine syncs everything (member policy ALL) and
 * the database must mirror the simulator. Counted: leases granted to two instances at once
 * ({@link RunRecorder}), intervals without a sync and double syncs ({@link IntervalCheck}), runs
 * missing from the run log, duplicate rows and mismatches.
 */
public final class ConcurrentScenario {
    private static final long FIRST_FABER_ID = 1_000_000L;
    private static final Duration LOOP_PAUSE = Duration.ofMillis(50);
    private static final Duration WEATHER_EVERY = Duration.ofSeconds(5);
    private static final Clock CLOCK = Clock.systemUTC();

    private final ConcurrentConfig config;
    private final PrintWriter progress;

    public ConcurrentScenario(ConcurrentConfig config, PrintWriter progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Runs the scenario on empty tables of {@code database} (prefix {@code sari_concurrent_}). */
    public ConcurrentResult run(HarnessDatabase database) {
        long started = System.nanoTime();
        CredentialsCipher cipher = AesGcmCredentialsCipher.builder()
                .currentKey("chaos", AesGcmCredentialsCipher.generateKey()).build();
        try (SariSimulator simulator = SariSimulator.builder().latency(Duration.ofMillis(5)).threads(4).start()) {
            SariJdbc setup = stores(database.dataSource(), cipher, SchemaInitialization.ALWAYS);
            if (!setup.tenantStore().findAll().isEmpty()) {
                throw new IllegalStateException("chaos needs empty tables (prefix sari_concurrent_), the database has "
                        + "tenants");
            }
            List<SimulatedSchool> schools = SchoolGenerator.builder().schools(config.tenants()).vku(4, 2).pgs(4, 1)
                    .membersPerPart(3).seed(config.seed()).idPrefix("concurrent-school-")
                    .firstFaberId(FIRST_FABER_ID).build().populate(simulator);
            for (SimulatedSchool school : schools) {
                setup.tenantStore().save(Tenant.of(school.id(), school.id(), simulator.baseUri())
                        .withInterval(config.interval()), school.credentials());
            }
            Weather weather = new Weather(simulator, config.seed(), FIRST_FABER_ID, simulator.studentCount(),
                    simulator.clock().localNow().plusDays(30));
            progress.printf("chaos concurrent: %d engines, %d schools every %s, for %s, in %s%n", config.instances(),
                    config.tenants(), config.interval(), config.duration(), database.description());
            progress.flush();

            SyncReport initial = settle(setup);
            progress.printf("chaos concurrent: initial load: %d of %d schools synced (%.0f s)%n",
                    initial.count(SyncOutcome.SUCCESS), initial.results().size(), seconds(started));
            progress.flush();
            RunRecorder recorder = new RunRecorder();
            Instant stoppedAt = runEngines(database, cipher, simulator, weather, recorder);
            List<RunRecorder.Run> runs = recorder.runs();
            IntervalCheck intervals = new IntervalCheck(schools.stream().map(SimulatedSchool::id).toList(), runs,
                    config.interval(), true, stoppedAt, config.interval().dividedBy(2));
            Findings lost = runLog(setup, runs);
            SyncReport settle = settle(setup);
            MirrorCheck.Result mirror = new MirrorCheck(setup).check(simulator, settle.startedAt());
            Map<String, Long> outcomes = runs.stream().collect(Collectors.groupingBy(run ->
                    run.result().outcome() + (run.result().errorCode() == null ? "" : "/" + run.result().errorCode()),
                    Collectors.counting()));
            progress.printf("chaos concurrent: longest wait from the start of an interval to its sync %d ms%n",
                    intervals.maxLag().toMillis());
            progress.printf("chaos concurrent: runs by outcome %s; weather: %s; settle round: %d succeeded of %d; "
                            + "checked %d parts and %d members (%.0f s)%n", outcomes, weather.changes(),
                    settle.count(SyncOutcome.SUCCESS), settle.results().size(), mirror.parts(), mirror.members(),
                    seconds(started));
            report("overlap", recorder.overlaps());
            report("skipped interval", intervals.skipped());
            report("double sync", intervals.doubles());
            report("run missing from the run log", lost);
            report("mismatch", mirror.mismatches());
            report("duplicate", mirror.duplicates());
            return new ConcurrentResult(config.instances(), config.tenants(), IntervalCheck.successful(runs),
                    runs.size(), simulator.stats().total(), intervals.maxLag(), recorder.overlaps(), intervals.skipped(),
                    intervals.doubles(), lost, mirror.mismatches(), mirror.duplicates(), seconds(started));
        }
    }

    /** Runs the engines until the duration is over; the instant they were told to stop. */
    private Instant runEngines(HarnessDatabase database, CredentialsCipher cipher, SariSimulator simulator,
                               Weather weather, RunRecorder recorder) {
        List<HikariDataSource> pools = new ArrayList<>();
        List<SARISyncEngine> engines = new ArrayList<>();
        List<Thread> loops = new ArrayList<>();
        long deadline = System.nanoTime() + config.duration().toNanos();
        try {
            for (int i = 1; i <= config.instances(); i++) {
                String instance = "chaos-instance-" + i;
                HikariDataSource pool = database.newPool(config.parallelism() + 2, instance);
                pools.add(pool);
                SariJdbc jdbc = stores(pool, cipher, SchemaInitialization.NEVER);
                SyncOptions options = SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                        .parallelism(config.parallelism()).instanceId(instance)
                        .build();
                SARISyncEngine engine = SARISyncEngine.builder().tenantStore(jdbc.tenantStore())
                        .courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore())
                        .lock(recorder.lock(jdbc.syncLock())).listener(recorder.listener(instance))
                        .clientFactory(ChaosClients.factory(CLOCK)).options(options).build();
                engines.add(engine);
                loops.add(loop(instance, () -> engine.syncDue(), deadline, LOOP_PAUSE));
            }
            loops.add(loop("chaos-weather", weather::blow, deadline, WEATHER_EVERY));
            loops.forEach(Thread::start);
            long reported = System.nanoTime();
            while (System.nanoTime() < deadline) {
                pause(Duration.ofMillis(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
                if (System.nanoTime() - reported >= Duration.ofSeconds(10).toNanos()) {
                    reported = System.nanoTime();
                    progress.printf("chaos concurrent: %d tenant runs so far, %d overlaps%n",
                            recorder.runs().size(), recorder.overlaps().count());
                    progress.flush();
                }
            }
            Instant stoppedAt = CLOCK.instant();
            for (Thread loop : loops) {
                join(loop);
            }
            return stoppedAt;
        } finally {
            engines.forEach(SARISyncEngine::close);
            pools.forEach(HikariDataSource::close);
        }
    }

    /** Every recorded run that has a run id must be in the run log with its outcome. */
    private static Findings runLog(SariJdbc jdbc, List<RunRecorder.Run> runs) {
        Findings lost = new Findings();
        Map<String, SyncRun> logged = jdbc.syncLogStore().recentRuns(null, runs.size() * 2 + 100).stream()
                .collect(Collectors.toMap(SyncRun::runId, Function.identity(), (a, b) -> a));
        for (RunRecorder.Run run : runs) {
            if (run.result().runId() == null) {
                continue;
            }
            SyncRun entry = logged.get(run.result().runId());
            if (entry == null) {
                lost.add("run " + run.result().runId() + " of tenant " + run.result().tenantId() + " by "
                        + run.instance() + " is not in the run log");
            } else if (entry.status() != RunLedger.status(run.result().outcome())) {
                lost.add("run " + run.result().runId() + " is logged " + entry.status() + ", it was "
                        + run.result().outcome());
            }
        }
        return lost;
    }

    /** One more engine syncs every tenant with member policy ALL (the initial load, and at the end for the mirror). */
    private SyncReport settle(SariJdbc jdbc) {
        SyncOptions options = SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .parallelism(config.parallelism()).memberPolicy(MemberPolicy.ALL)
                .instanceId("chaos-settle").build();
        try (SARISyncEngine engine = SARISyncEngine.builder().tenantStore(jdbc.tenantStore())
                .courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock())
                .clientFactory(ChaosClients.factory(CLOCK)).options(options).build()) {
            return engine.syncAll();
        }
    }

    private static SariJdbc stores(javax.sql.DataSource dataSource, CredentialsCipher cipher,
                                   SchemaInitialization schema) {
        return SariJdbc.builder().dataSource(dataSource).tablePrefix("sari_concurrent_").initializeSchema(schema)
                .hostPolicy(SariSimulator.hostPolicy()).credentialsCipher(cipher).build();
    }

    /** A pool of its own for one engine, on the harness database as the same user. */
    /** A thread doing {@code step} until the deadline, pausing between steps; a failing step is reported. */
    private Thread loop(String name, Runnable step, long deadline, Duration pause) {
        Thread thread = new Thread(() -> {
            while (System.nanoTime() < deadline) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    synchronized (progress) {
                        progress.println("chaos concurrent: " + name + " failed: " + e);
                        progress.flush();
                    }
                }
                pause(pause);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        }
    }

    private void report(String what, Findings findings) {
        findings.examples().forEach(example -> progress.println("chaos concurrent: " + what + ": " + example));
        progress.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
