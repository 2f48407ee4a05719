package io.github.sarisync.jdbc.reliability;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.sync.FailedTenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenario 3 of issue 11: the database goes away in the middle of a run (in the middle of a
 * tenant's write transaction) and comes back a few tenants later. The tenants it hit are FAILED
 * naming the database problem, no course type is half-written, the engine goes on, and the next
 * run syncs every tenant.
 *
 * <p>What the run log shows for the outage: a tenant whose lease could not be taken has no entry
 * at all (the run log is in the same database; the {@code SyncReport} is then the only record); a
 * run whose end could not be written stays STARTED and is marked ABANDONED by the first run after
 * {@code abandonAfter}; its lease, which could not be released either, is taken again by the same
 * instance (same owner) or by another once it expires.
 */
class DatabaseOutageTest {
    private static final int SCHOOLS = 16;
    /** The outage begins in the write transaction after this many tenants have finished... */
    private static final int FINISHED_BEFORE = 4;
    /** ...and ends when this many more have finished. */
    private static final int FINISHED_DURING = 4;

    private final SariSimulator sari = SariSimulator.start();
    private final ReliabilityDatabase db = ReliabilityDatabase.create();
    private final DatabaseOutage outage = new DatabaseOutage();
    private final OutageSwitch outageSwitch = new OutageSwitch();
    private final SimulatorClock clock = SimulatorClock.system();
    private List<SimulatedSchool> schools;

    @AfterEach
    void close() {
        sari.close();
        db.close();
    }

    @Test
    void tenantsHitByAnOutageMidRunFailNamingTheDatabaseWriteAllOrNothingAndTheNextRunSyncsThemAll() {
        schools = SchoolGenerator.builder().schools(SCHOOLS).vku(2, 2).pgs(3, 2).membersPerPart(2).seed(3).build()
                .populate(sari);
        db.registerTenants(sari, schools);
        SimulatorMirror mirror = SimulatorMirror.of(db.jdbc());
        try (SARISyncEngine firstSync = engine(db.jdbc(), "first-instance")) {
            assertThat(firstSync.syncAll().success()).isTrue();
        }
        try (SARISyncEngine engine = engine(outageJdbc(), "outage-instance")) {
            Map<String, Instant> lastSuccess = lastSuccessPerTenant();
            changeEverySchool();
            Map<String, String> before = rowsPerTenantAndType();

            outageSwitch.arm();
            SyncReport hit = engine.syncAll();

            assertThat(outage.happened()).isTrue();
            assertThat(outage.isDown()).as("the database is back").isFalse();
            assertThat(hit.results()).extracting(TenantSyncResult::outcome)
                    .containsOnly(SyncOutcome.SUCCESS, SyncOutcome.FAILED);
            assertThat(hit.failedTenants()).as("tenants the outage hit").isNotEmpty()
                    .allSatisfy(DatabaseOutageTest::namesTheDatabase)
                    .anySatisfy(t -> assertThat(t.error()).as("the write it cut").contains("courseStore.apply failed"));
            Map<String, String> after = rowsPerTenantAndType();
            for (SimulatedSchool school : schools) {
                for (CourseType type : CourseType.values()) {
                    String key = school.id() + " " + type;
                    if (!after.get(key).equals(before.get(key))) {
                        assertThat(mirror.mismatches(school, school.id(), type))
                                .as("%s changed, so it must be the new state in full", key).isEmpty();
                    }
                }
            }
            assertThat(after.keySet()).as("course types left in their old state")
                    .anyMatch(key -> after.get(key).equals(before.get(key)));
            Set<String> failed = hit.failedTenants().stream().map(FailedTenant::tenantId).collect(Collectors.toSet());
            assertThat(lastSuccessPerTenant()).as("last success of the failed tenants")
                    .containsAllEntriesOf(lastSuccess.entrySet().stream().filter(e -> failed.contains(e.getKey()))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            Map<String, RunStatus> logged = db.jdbc().syncLogStore().recentRuns(null, 10_000).stream()
                    .collect(Collectors.toMap(SyncRun::runId, SyncRun::status));
            assertThat(hit.results()).as("the run log of the hit run: the outcome, or its end lost, or nothing")
                    .allSatisfy(r -> assertThat(logged.get(r.runId())).as(r.tenantId())
                            .isIn(null, RunStatus.STARTED, RunStatus.valueOf(r.outcome() == SyncOutcome.SUCCESS
                                    ? "SUCCEEDED" : r.outcome().name())));
            List<SyncRun> leftStarted = db.jdbc().syncLogStore().runningRuns();

            clock.advance(SyncOptions.defaults().abandonAfter().plusMinutes(1));
            SyncReport recovered = engine.syncAll();

            assertThat(recovered.results()).allSatisfy(r -> assertThat(r.outcome())
                    .as(r.tenantId() + ": " + r.errorMessage()).isEqualTo(SyncOutcome.SUCCESS));
            assertThat(db.jdbc().syncLogStore().runningRuns()).isEmpty();
            assertThat(leftStarted).allSatisfy(run -> assertThat(statusOf(run.runId())).isEqualTo(RunStatus.ABANDONED));
        }
        assertThat(mirror.mismatches(schools)).isEmpty();
        assertThat(mirror.duplicates()).isEmpty();
    }

    @Test
    void aRunThatBeginsWhileTheDatabaseIsDownFailsNamingItAndTheEngineSyncsOnceItIsBack() {
        schools = SchoolGenerator.builder().schools(4).vku(1, 2).pgs(1, 2).membersPerPart(1).seed(5).build()
                .populate(sari);
        db.registerTenants(sari, schools);
        try (SARISyncEngine engine = engine(outageJdbc(), "outage-instance")) {
            outage.begin();
            assertThatThrownBy(engine::syncAll).as("no tenant list, no run").hasMessageContaining(DatabaseOutage.MESSAGE);
            outage.end();

            assertThat(engine.syncAll().results()).hasSize(4)
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(SyncOutcome.SUCCESS));
        }
        assertThat(SimulatorMirror.of(db.jdbc()).mismatches(schools)).isEmpty();
    }

    /**
     * The error names the store call and what the driver said; no statement, no bound values, no
     * secret. What the driver says depends on where the cut found the connection: refused, cut while
     * sending, or already closed when the next statement came.
     */
    private static void namesTheDatabase(FailedTenant tenant) {
        assertThat(tenant.error()).as(tenant.tenantId()).startsWith("STORE_ERROR: ")
                .containsAnyOf(DatabaseOutage.MESSAGE, "An I/O error occurred while sending to the backend",
                        "This connection has been closed")
                .doesNotContain("NullPointerException", "statement", "SELECT", "INSERT", "UPDATE", "password", "secret");
    }

    /** The stores on connections without pool (a connection the outage cuts is really gone) through the outage. */
    private SariJdbc outageJdbc() {
        return db.jdbcOn(outage.wrap(db.direct()));
    }

    private SARISyncEngine engine(SariJdbc jdbc, String instanceId) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return SARISyncEngine.builder()
                .tenantStore(jdbc.tenantStore()).courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore())
                .lock(jdbc.syncLock())
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                .clock(clock).listener(outageSwitch)
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .instanceId(instanceId).parallelism(4).build())
                .build();
    }

    /** Something new for every school and both types: a group added, a group cancelled, places taken, a member. */
    private void changeEverySchool() {
        LocalDate today = sari.clock().localNow().toLocalDate();
        long partId = 9_000_000;
        int student = 0;
        for (SimulatedSchool school : schools) {
            Course first = school.courses(CourseType.VKU).get(0).courses().get(0);
            CourseLocation location = first.location();
            school.addGroup(CourseType.VKU, "VKU neu", List.of(
                    PartSpec.of(partId++, "VKU Teil 1", today.plusDays(100).atTime(18, 0), location, 10),
                    PartSpec.of(partId++, "VKU Teil 2", today.plusDays(102).atTime(18, 0), location, 10)));
            school.setFreePlaces(first.id(), first.freePlaces() - 1);
            String faberId = Long.toString(5_000_000 + student++);
            sari.addStudent(new Customer(faberId, LocalDate.of(2004, 5, 6), "Test", "Student", "Weg 1", "3000",
                    "Bern", List.of(new License("B", today.plusYears(1)))));
            school.addMember(first.id(), faberId);
            assertThat(school.cancelGroup(CourseType.PGS, school.courses(CourseType.PGS).get(0).name())).isTrue();
        }
    }

    /** Every stored row of each tenant and type (parts, groups, members of those parts), as one text. */
    private Map<String, String> rowsPerTenantAndType() {
        Map<String, String> result = new HashMap<>();
        for (SimulatedSchool school : schools) {
            for (CourseType type : CourseType.values()) {
                String where = " WHERE tenant_id = '" + school.id() + "' AND course_type = '" + type + "'";
                String rows = "" + db.texts("SELECT CAST(c AS TEXT) FROM sari_courses c" + where + " ORDER BY part_id")
                        + db.texts("SELECT CAST(g AS TEXT) FROM sari_course_groups g" + where + " ORDER BY group_key")
                        + db.texts("SELECT CAST(m AS TEXT) FROM sari_course_members m WHERE (tenant_id, part_id) IN"
                        + " (SELECT tenant_id, part_id FROM sari_courses" + where + ")"
                        + " ORDER BY part_id, canonical_faber_id");
                result.put(school.id() + " " + type, rows);
            }
        }
        return result;
    }

    private Map<String, Instant> lastSuccessPerTenant() {
        return db.jdbc().tenantStore().findAll().stream()
                .collect(Collectors.toMap(t -> t.id(), t -> t.state().lastSuccessAt()));
    }

    private RunStatus statusOf(String runId) {
        return db.jdbc().syncLogStore().recentRuns(null, 10_000).stream().filter(r -> r.runId().equals(runId))
                .findFirst().orElseThrow().status();
    }

    /** Begins the outage mid-write once {@link #FINISHED_BEFORE} tenants finished, ends it {@link #FINISHED_DURING} later. */
    private final class OutageSwitch implements SyncListener {
        private boolean armed;
        private int finished;
        private int finishedDuring;

        synchronized void arm() {
            armed = true;
            finished = 0;
            finishedDuring = 0;
        }

        @Override
        public synchronized void tenantFinished(TenantSyncResult result) {
            if (!armed) {
                return;
            }
            finished++;
            if (finished == FINISHED_BEFORE) {
                outage.beginMidWrite();
            } else if (outage.isDown() && ++finishedDuring == FINISHED_DURING) {
                outage.end();
                armed = false;
            }
        }
    }
}
