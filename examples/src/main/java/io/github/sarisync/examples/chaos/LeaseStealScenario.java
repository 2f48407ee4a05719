package io.github.sarisync.examples.chaos;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.examples.harness.HarnessDatabase;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The "lease stolen mid-run" round: for each school, one engine (the victim) is frozen inside its
 * first write, as a GC pause or a stalled connection would freeze it; meanwhile its lease expires
 * (the scenario expires the lease row, as the database's clock would), SARI's data changes, and a
 * second engine (the thief) takes the lease and syncs the school. Then the victim goes on. Counted:
 * writes of the victim that land after all (a course row with its older data, the tenant state of
 * its run, a successful run-log row): the stale writes, which must be none.
 */
public final class LeaseStealScenario {
    private static final long FIRST_FABER_ID = 2_000_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PREFIX = "sari_steal_";

    private final int tenants;
    private final long seed;
    private final PrintWriter progress;
    private final UnaryOperator<CourseStore> victimStore;

    public LeaseStealScenario(int tenants, long seed, PrintWriter progress) {
        this(tenants, seed, progress, UnaryOperator.identity());
    }

    /** With the victim's course store wrapped, so a test can show that the checks see a stale write. */
    LeaseStealScenario(int tenants, long seed, PrintWriter progress, UnaryOperator<CourseStore> victimStore) {
        if (tenants < 1) {
            throw new IllegalArgumentException("lease-steal tenants must be >= 1, was " + tenants);
        }
        this.tenants = tenants;
        this.seed = seed;
        this.progress = progress;
        this.victimStore = victimStore;
    }

    /** Runs the round on empty tables of {@code database} (prefix {@value #PREFIX}). */
    public LeaseStealResult run(HarnessDatabase database) {
        long started = System.nanoTime();
        CredentialsCipher cipher = AesGcmCredentialsCipher.builder()
                .currentKey("chaos", AesGcmCredentialsCipher.generateKey()).build();
        Findings stale = new Findings();
        Findings problems = new Findings();
        int steals = 0;
        int refused = 0;
        int leaseLost = 0;
        ExecutorService victimThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chaos-lease-victim");
            thread.setDaemon(true);
            return thread;
        });
        try (SariSimulator simulator = SariSimulator.builder().latency(Duration.ofMillis(2)).threads(2).start()) {
            SariJdbc jdbc = SariJdbc.builder().dataSource(database.dataSource()).tablePrefix(PREFIX)
                    .initializeSchema(SchemaInitialization.ALWAYS).hostPolicy(SariSimulator.hostPolicy())
                    .credentialsCipher(cipher).build();
            if (!jdbc.tenantStore().findAll().isEmpty()) {
                throw new IllegalStateException("chaos needs empty tables (prefix " + PREFIX + "), the database has "
                        + "tenants");
            }
            List<SimulatedSchool> schools = SchoolGenerator.builder().schools(tenants).vku(2, 2).pgs(1, 2)
                    .membersPerPart(1).seed(seed).idPrefix("steal-school-").firstFaberId(FIRST_FABER_ID).build()
                    .populate(simulator);
            for (SimulatedSchool school : schools) {
                jdbc.tenantStore().save(Tenant.of(school.id(), school.id(), simulator.baseUri()), school.credentials());
            }
            StallingCourseStore stalling = new StallingCourseStore(victimStore.apply(jdbc.courseStore()), PATIENCE);
            try (SARISyncEngine victim = engine(jdbc, stalling, "chaos-victim");
                 SARISyncEngine thief = engine(jdbc, null, "chaos-thief")) {
                for (SimulatedSchool school : schools) {
                    stalling.arm();
                    Future<TenantSyncResult> frozen = victimThread.submit(() -> victim.syncTenant(school.id()));
                    if (stalling.awaitStall() == null) {
                        problems.add("tenant " + school.id() + ": the victim never reached its write: "
                                + describe(frozen));
                        continue;
                    }
                    long part = school.courses(CourseType.VKU).get(0).courses().get(0).id();
                    school.setFreePlaces(part, school.freePlaces(part) + 7);
                    expireLease(jdbc, school.id());
                    Instant beforeTheft = CLOCK.instant();
                    TenantSyncResult taken = thief.syncTenant(school.id());
                    stalling.resume();
                    TenantSyncResult lost = frozen.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    steals++;
                    refused += lost.refusedWrites();
                    if (lost.outcome() == SyncOutcome.FAILED && TenantSyncResult.LEASE_LOST.equals(lost.errorCode())) {
                        leaseLost++;
                    }
                    if (taken.outcome() != SyncOutcome.SUCCESS) {
                        problems.add("tenant " + school.id() + ": the thief's run was " + taken.outcome() + " "
                                + taken.errorCode());
                        continue;
                    }
                    checkNothingStaleLanded(jdbc, school, part, lost, beforeTheft, stale);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the victim's run did not end: " + e, e);
        } finally {
            victimThread.shutdownNow();
        }
        LeaseStealResult result = new LeaseStealResult(tenants, steals, refused, leaseLost, stale, problems,
                (System.nanoTime() - started) / 1e9);
        stale.examples().forEach(example -> progress.println("chaos lease-steal: stale write: " + example));
        problems.examples().forEach(example -> progress.println("chaos lease-steal: problem: " + example));
        progress.flush();
        return result;
    }

    /** The victim's older data, tenant state or success must not be what the database holds. */
    private static void checkNothingStaleLanded(SariJdbc jdbc, SimulatedSchool school, long part,
                                                TenantSyncResult lost, Instant beforeTheft, Findings stale) {
        int expected = school.freePlaces(part);
        jdbc.courseStore().findCourses(CourseQuery.tenant(school.id())).stream().filter(c -> c.partId() == part)
                .filter(c -> c.freePlaces() != expected)
                .forEach(c -> stale.add("tenant " + school.id() + ": part " + part + " holds " + c.freePlaces()
                        + " free places of the run that had lost its lease, SARI says " + expected));
        TenantState state = jdbc.tenantStore().find(school.id()).orElseThrow().state();
        // the engines' clock: the thief started after beforeTheft, the victim long before
        if (state.lastAttemptAt() == null || state.lastAttemptAt().isBefore(beforeTheft)) {
            stale.add("tenant " + school.id() + ": the tenant state is the one of the run that had lost its lease");
        }
        if (lost.runId() != null) {
            jdbc.syncLogStore().recentRuns(school.id(), 10).stream().filter(r -> r.runId().equals(lost.runId()))
                    .map(SyncRun::status).filter(s -> s == RunStatus.SUCCEEDED || s == RunStatus.PARTIAL)
                    .forEach(s -> stale.add("tenant " + school.id() + ": the run that had lost its lease is logged "
                            + s));
        }
    }

    /** Lets the victim's lease expire, as the database's clock would while it stalls. */
    private static void expireLease(SariJdbc jdbc, String tenantId) {
        jdbc.jdbi().useHandle(handle -> handle.createUpdate("UPDATE " + PREFIX + "locks SET expires_at = locked_at"
                + " WHERE name = :name").bind("name", "tenant:" + tenantId).execute());
    }

    private static SARISyncEngine engine(SariJdbc jdbc, StallingCourseStore courses, String instance) {
        return SARISyncEngine.builder().tenantStore(jdbc.tenantStore())
                .courseStore(courses != null ? courses : jdbc.courseStore()).syncLogStore(jdbc.syncLogStore())
                .lock(jdbc.syncLock()).clientFactory(ChaosClients.factory(CLOCK))
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).parallelism(1)
                        .instanceId(instance).build()).build();
    }

    private static String describe(Future<TenantSyncResult> run) {
        try {
            TenantSyncResult result = run.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return result.outcome() + " " + result.errorCode() + ": " + result.errorMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException | TimeoutException e) {
            return e.toString();
        }
    }
}
