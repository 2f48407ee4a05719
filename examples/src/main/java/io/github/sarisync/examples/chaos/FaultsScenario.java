package io.github.sarisync.examples.chaos;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.examples.harness.HarnessDatabase;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scenario 1, faults: driving schools synced round after round ({@code syncAll}, member policy
 * ALL) from the simulator while a share of all requests fails with the {@link ChaosFaults} and the
 * {@link Weather} changes the data between rounds. Time is a shared {@link SimulatorClock} that
 * stands still during a round and moves one day between rounds, so parts pass into the past (and
 * are dropped from SARI for some schools) and access tokens expire without anyone waiting; every
 * fifth round SARI also forgets all tokens, as after a restart. After the last round with faults,
 * the faults stop and one clean round runs; then the database must mirror the simulator
 * ({@link MirrorCheck}) and the run log and tenant states must account for every round
 * ({@link RunLedger}).
 */
public final class FaultsScenario {
    /** When the simulated time starts (Swiss local time, between the parts' start times). */
    static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 12, 0);
    static final Duration STEP = Duration.ofDays(1);
    private static final long FIRST_FABER_ID = 1_000_000L;

    private final FaultsConfig config;
    private final PrintWriter progress;

    public FaultsScenario(FaultsConfig config, PrintWriter progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Runs the scenario on empty tables of {@code database} (prefix {@code sari_chaos_}). */
    public FaultsResult run(HarnessDatabase database) {
        long started = System.nanoTime();
        SimulatorClock clock = SimulatorClock.fixed(START);
        try (SariSimulator simulator = SariSimulator.builder().clock(clock).threads(4)
                .tokenLifetime(Duration.ofHours(12)).start()) {
            SariJdbc jdbc = SariJdbc.builder().dataSource(database.dataSource()).tablePrefix("sari_chaos_")
                    .initializeSchema(SchemaInitialization.ALWAYS).clock(clock)
                    .hostPolicy(SariSimulator.hostPolicy()).credentialsCipher(AesGcmCredentialsCipher.builder()
                            .currentKey("chaos", AesGcmCredentialsCipher.generateKey()).build())
                    .build();
            if (!jdbc.tenantStore().findAll().isEmpty()) {
                throw new IllegalStateException("chaos needs empty tables (prefix sari_chaos_), the database has tenants");
            }
            List<SimulatedSchool> schools = SchoolGenerator.builder().schools(config.tenants()).vku(4, 2).pgs(4, 1)
                    .membersPerPart(3).seed(config.seed()).idPrefix("chaos-school-").firstFaberId(FIRST_FABER_ID)
                    .build().populate(simulator);
            for (SimulatedSchool school : schools) {
                jdbc.tenantStore().save(Tenant.of(school.id(), school.id(), simulator.baseUri()), school.credentials());
            }
            LocalDateTime horizon = START.plus(STEP.multipliedBy(config.rounds() + 2L));
            Weather weather = new Weather(simulator, config.seed(), FIRST_FABER_ID, simulator.studentCount(), horizon);
            Random drops = new Random(config.seed() ^ 0x5DEECE66DL);
            progress.printf("chaos faults: %d schools in %s, %d rounds with %.0f %% faults, then one clean round%n",
                    config.tenants(), database.description(), config.rounds(), config.faultRate() * 100);
            progress.flush();

            SyncOptions options = SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                    .parallelism(config.parallelism())
                    .memberPolicy(MemberPolicy.ALL).instanceId("chaos-faults").build();
            RunLedger ledger = new RunLedger(jdbc);
            int failed = 0;
            int partial = 0;
            try (SARISyncEngine engine = SARISyncEngine.builder().tenantStore(jdbc.tenantStore())
                    .courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock())
                    .clientFactory(ChaosClients.factory(clock)).clock(clock).options(options).build()) {
                ChaosFaults.inject(simulator, config.faultRate(), config.seed());
                for (int round = 1; round <= config.rounds() + 1; round++) {
                    boolean clean = round == config.rounds() + 1;
                    if (round > 1) {
                        between(simulator, clock, weather, drops, round);
                    }
                    if (clean) {
                        simulator.clearFaults();
                    }
                    Map<String, TenantState> before = ledger.states();
                    SyncReport report = engine.syncAll();
                    ledger.round(before, report);
                    if (!clean) {
                        failed += report.count(SyncOutcome.FAILED);
                        partial += report.count(SyncOutcome.PARTIAL);
                    }
                    progress.printf("chaos faults: round %d/%d%s: %d succeeded, %d partial, %d failed; "
                                    + "%d requests, %d faults so far (%.0f s)%n", round, config.rounds() + 1,
                            clean ? " (clean)" : "", report.count(SyncOutcome.SUCCESS),
                            report.count(SyncOutcome.PARTIAL), report.count(SyncOutcome.FAILED),
                            simulator.stats().total(), simulator.stats().faults(), seconds(started));
                    progress.flush();
                    if (clean) {
                        report.results().stream().filter(r -> r.outcome() != SyncOutcome.SUCCESS).limit(5)
                                .forEach(r -> progress.println("chaos faults: clean round: tenant " + r.tenantId()
                                        + " " + r.outcome() + " " + r.errorCode() + " " + r.errorMessage()
                                        + " " + r.warnings()));
                    }
                }
            }
            ledger.checkRunLog(config.tenants());
            MirrorCheck.Result mirror = new MirrorCheck(jdbc).check(simulator, clock.instant());
            progress.printf("chaos faults: weather: %s; checked %d parts and %d members (%.0f s)%n",
                    weather.changes(), mirror.parts(), mirror.members(), seconds(started));
            report("mismatch", mirror.mismatches());
            report("duplicate", mirror.duplicates());
            report("lost run", ledger.lostRuns());
            return new FaultsResult(config.tenants(), config.rounds(), simulator.stats().total(),
                    simulator.stats().faults(), mirror.mismatches(), mirror.duplicates(), ledger.lostRuns(),
                    failed, partial, mirror.parts(), mirror.members(), seconds(started));
        }
    }

    /** What happens at SARI between two rounds: a day passes, past parts go, the weather changes things. */
    private static void between(SariSimulator simulator, SimulatorClock clock, Weather weather, Random drops,
                                int round) {
        clock.advance(STEP);
        for (SimulatedSchool school : simulator.schools()) {
            if (drops.nextDouble() < 0.6) {
                school.dropPastParts();
            }
        }
        weather.blow();
        if (round % 5 == 0) {
            simulator.expireAllTokens();
        }
    }

    private void report(String what, Findings findings) {
        findings.examples().forEach(example -> progress.println("chaos faults: " + what + ": " + example));
        progress.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
