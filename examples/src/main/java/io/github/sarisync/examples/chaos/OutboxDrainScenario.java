package io.github.sarisync.examples.chaos;

import com.zaxxer.hikari.HikariDataSource;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.OutboxPolicy;
import io.github.sarisync.enrollment.OutboxRunReport;
import io.github.sarisync.examples.harness.HarnessDatabase;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.model.License;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.testkit.Operation;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorStats;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * The outbox round, slow SARI during an outbox drain: several outbox workers (each an
 * {@link EnrollmentService} with its own connection pool and JDBC outbox) drain one outbox at once
 * against a simulator that answers every request later than the workers' claim lease, so claims
 * expire while their holder waits for SARI and other workers take the entries. Counted at the
 * simulator: enrol/unenrol calls beyond the first per part and student ({@code double_sends}); in
 * the outbox and at the simulator: entries not carried out ({@code dropped}). Both must be 0.
 */
public final class OutboxDrainScenario {
    private static final String TENANT = "outbox-school";
    private static final long FIRST_PART = 990_001L;
    private static final int PARTS = 4;
    private static final long FIRST_FABER_ID = 7_000_000L;
    private static final LocalDate BIRTHDATE = LocalDate.of(2004, 6, 1);
    private static final Duration IDLE_PAUSE = Duration.ofMillis(20);
    /** Small batches spread the entries over the workers; each entry still waits a whole SARI answer. */
    private static final int BATCH = 2;
    private static final Clock CLOCK = Clock.systemUTC();

    private final OutboxDrainConfig config;
    private final PrintWriter progress;

    public OutboxDrainScenario(OutboxDrainConfig config, PrintWriter progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Runs the round on empty outbox tables of {@code database} (prefix {@code sari_outbox_}). */
    public OutboxDrainResult run(HarnessDatabase database) {
        long started = System.nanoTime();
        try (SariSimulator simulator = SariSimulator.builder().latency(config.latency()).threads(4).start()) {
            SimulatedSchool school = simulator.addSchool(TENANT);
            SariJdbc setup = SariJdbc.builder().dataSource(database.dataSource()).tablePrefix("sari_outbox_")
                    .initializeSchema(SchemaInitialization.ALWAYS).build();
            EnrollmentOutbox outbox = setup.enrollmentOutbox();
            if (!outbox.list(OutboxQuery.all().withLimit(1)).isEmpty()) {
                throw new IllegalStateException("chaos needs empty tables (prefix sari_outbox_), the outbox has entries");
            }
            List<OutboxEntry> entries = populate(simulator, school);
            outbox.add(entries);
            progress.printf("chaos outbox: %d workers drain %d entries, lease %d ms, SARI answers after %d ms, in %s%n",
                    config.workers(), config.entries(), config.lease().toMillis(), config.latency().toMillis(),
                    database.description());
            progress.flush();
            AtomicLong lostClaims = new AtomicLong();
            drain(database, simulator, school, outbox, lostClaims);
            Findings dropped = check(outbox, school, entries);
            SimulatorStats stats = simulator.stats();
            long sends = stats.requests(Operation.ENROLL) + stats.requests(Operation.UNENROLL);
            return new OutboxDrainResult(config, sends, stats.repeatedRegistrationCalls(), dropped, lostClaims.get(),
                    stats.requests(Operation.COURSE_DETAIL), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Students, one course of four parts, and the entries: three enrolments to each unenrolment of a member. */
    private List<OutboxEntry> populate(SariSimulator simulator, SimulatedSchool school) {
        LocalDateTime start = simulator.clock().localNow().plusDays(30).withHour(18).withMinute(0).withSecond(0)
                .withNano(0);
        CourseLocation hall = new CourseLocation("Saal", "Weg 1", "3000", "Bern");
        school.addGroup(CourseType.VKU, "VKU Outbox", start, LongStream.range(0, PARTS).mapToObj(i -> PartSpec.of(
                FIRST_PART + i, "Teil " + (i + 1), start.plusDays(i), hall, config.entries() + 1)).toList());
        Random random = new Random(config.seed());
        Instant now = CLOCK.instant();
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < config.entries(); i++) {
            String faberId = Long.toString(FIRST_FABER_ID + i);
            simulator.addStudent(new Customer(faberId, BIRTHDATE, "Student", "Nr" + i, "Weg 1", "3000", "Bern",
                    List.of(new License("B", LocalDate.of(2035, 1, 1)))));
            long part = FIRST_PART + random.nextInt(PARTS);
            OutboxAction action = i % 4 == 3 ? OutboxAction.UNENROLL : OutboxAction.ENROLL;
            if (action == OutboxAction.UNENROLL) {
                school.addMember(part, faberId);
            }
            entries.add(OutboxEntry.pending("chaos-outbox-" + i, "chaos-outbox-op-" + i, TENANT, action, part, faberId,
                    BIRTHDATE, now, now));
        }
        return entries;
    }

    /** Every worker runs the outbox in a loop until no entry is pending (or a generous deadline passes). */
    private void drain(HarnessDatabase database, SariSimulator simulator, SimulatedSchool school,
                       EnrollmentOutbox setupOutbox, AtomicLong lostClaims) {
        OutboxPolicy policy = OutboxPolicy.builder().claimLease(config.lease()).batchSize(BATCH)
                .initialDelay(config.lease()).maxDelay(config.lease().multipliedBy(4)).build();
        long deadline = System.nanoTime() + config.latency().plusMillis(200).multipliedBy(config.entries() * 6L)
                .plusSeconds(30).toNanos();
        List<HikariDataSource> pools = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        try {
            for (int w = 1; w <= config.workers(); w++) {
                HikariDataSource pool = database.newPool(2, "chaos-outbox-worker-" + w);
                pools.add(pool);
                SariJdbc jdbc = SariJdbc.builder().dataSource(pool).tablePrefix("sari_outbox_")
                        .initializeSchema(SchemaInitialization.NEVER).build();
                SARIClient client = SARIClient.builder().baseUri(simulator.baseUri()).credentials(school.credentials())
                        .rateLimit(RateLimit.unlimited()).retry(RetryPolicy.none())
                        .requestTimeout(config.latency().multipliedBy(4).plusSeconds(5)).build();
                EnrollmentService service = EnrollmentService.builder().clients(tenant -> client)
                        .outbox(jdbc.enrollmentOutbox()).syncLogStore(jdbc.syncLogStore()).outboxPolicy(policy)
                        .clock(CLOCK).build();
                Thread worker = new Thread(() -> work(service, setupOutbox, deadline, lostClaims),
                        "chaos-outbox-worker-" + w);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the outbox workers ran", e);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    private static void work(EnrollmentService service, EnrollmentOutbox outbox, long deadline, AtomicLong lost) {
        while (System.nanoTime() < deadline
                && !outbox.list(OutboxQuery.all().withState(OutboxState.PENDING).withLimit(1)).isEmpty()) {
            OutboxRunReport report = service.processOutbox();
            lost.addAndGet(report.lostClaims());
            if (report.attempted() == 0) {
                try {
                    Thread.sleep(IDLE_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Entries not SUCCEEDED in the outbox, or whose change SARI does not show. */
    private static Findings check(EnrollmentOutbox outbox, SimulatedSchool school, List<OutboxEntry> entries) {
        Findings dropped = new Findings();
        for (OutboxEntry entry : entries) {
            OutboxEntry stored = outbox.find(entry.id()).orElseThrow();
            boolean member = school.members(entry.courseId()).stream()
                    .anyMatch(m -> FaberIds.same(m.faberId(), entry.faberId()));
            boolean done = entry.action() == OutboxAction.ENROLL ? member : !member;
            if (stored.state() != OutboxState.SUCCEEDED || !done) {
                dropped.add("entry " + entry.id() + " " + entry.action() + " part " + entry.courseId() + ": "
                        + stored.state() + (stored.lastErrorCode() == null ? "" : " " + stored.lastErrorCode())
                        + (done ? "" : ", change missing at SARI"));
            }
        }
        return dropped;
    }
}
