package io.github.sarisync.examples.chaos;

import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.examples.harness.HarnessDatabase;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.jdbc.SchemaInitialization;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks are not vacuous: on a database in sync they find nothing, and every kind of damage
 * done to it on purpose is found and described.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChecksDetectCorruptionTest {
    private static final String PREFIX = "sari_chaos_";

    private final SimulatorClock clock = SimulatorClock.fixed(LocalDateTime.of(2026, 3, 2, 12, 0));
    private SariSimulator simulator;
    private HarnessDatabase database;
    private SariJdbc jdbc;
    private SimulatedSchool school;
    private long partId;
    private String faberId;

    @BeforeAll
    void openDatabase() {
        database = HarnessDatabase.open("h2", 4);
    }

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void syncedDatabase() {
        simulator = SariSimulator.builder().clock(clock).start();
        SchoolGenerator.builder().schools(2).vku(2, 2).pgs(1, 1).membersPerPart(2).seed(3).build().populate(simulator);
        jdbc = SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy())
                .dataSource(database.dataSource()).tablePrefix(PREFIX)
                .initializeSchema(SchemaInitialization.ALWAYS).clock(clock)
                .credentialsCipher(AesGcmCredentialsCipher.builder()
                        .currentKey("test", AesGcmCredentialsCipher.generateKey()).build()).build();
        jdbc.jdbi().useHandle(handle -> {
            for (String table : List.of("courses", "course_members", "course_groups", "sync_runs", "tenants",
                    "locks")) {
                handle.execute("DROP TABLE IF EXISTS " + PREFIX + table);
            }
        });
        jdbc.schemaInstaller().install();
        for (SimulatedSchool each : simulator.schools()) {
            jdbc.tenantStore().save(Tenant.of(each.id(), each.id(), simulator.baseUri()), each.credentials());
        }
        SyncReport report;
        try (SARISyncEngine engine = engine()) {
            report = engine.syncAll();
        }
        assertThat(report.success()).as(report.toString()).isTrue();
        school = simulator.school(0);
        partId = school.courses(CourseType.VKU).get(0).courses().get(0).id();
        faberId = FaberIds.canonical(school.members(partId).get(0).faberId());
    }

    private SARISyncEngine engine() {
        return SARISyncEngine.builder().tenantStore(jdbc.tenantStore()).courseStore(jdbc.courseStore())
                .syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock()).clock(clock)
                .clientFactory(ChaosClients.factory(clock))
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .memberPolicy(MemberPolicy.ALL).build()).build();
    }

    private void execute(String sql) {
        jdbc.jdbi().useHandle(handle -> handle.execute(sql));
    }

    private MirrorCheck.Result mirror() {
        return new MirrorCheck(jdbc).check(simulator, clock.instant());
    }

    @Test
    void aDatabaseInSyncHasNoMismatchAndNoDuplicate() {
        MirrorCheck.Result result = mirror();

        assertThat(result.mismatches().examples()).isEmpty();
        assertThat(result.duplicates().count()).isZero();
        assertThat(result.parts()).isEqualTo(2 * 5);
        assertThat(result.members()).isEqualTo(2 * 5 * 2);
    }

    @Test
    void aListedPartStoredAsCancelledIsAMismatch() {
        execute("UPDATE " + PREFIX + "courses SET status = 'CANCELLED' WHERE part_id = " + partId);

        MirrorCheck.Result result = mirror();

        assertThat(result.mismatches().count()).isEqualTo(1);
        assertThat(result.mismatches().examples()).singleElement().asString()
                .contains("part " + partId).contains("listed by SARI, stored CANCELLED");
    }

    @Test
    void aMissingPartChangedFreePlacesAndAWrongStatusOfAGonePartAreMismatches() {
        long other = school.courses(CourseType.PGS).get(0).courses().get(0).id();
        execute("DELETE FROM " + PREFIX + "course_members WHERE part_id = " + other);
        execute("DELETE FROM " + PREFIX + "courses WHERE part_id = " + other);
        execute("UPDATE " + PREFIX + "courses SET free_places = free_places + 1 WHERE part_id = " + partId);
        school.cancelGroup(CourseType.VKU,
                school.courses(CourseType.VKU).get(1).name());

        MirrorCheck.Result result = mirror();

        assertThat(result.mismatches().examples()).anySatisfy(m -> assertThat(m).contains("part " + other
                + ": listed by SARI, not stored"));
        assertThat(result.mismatches().examples()).anySatisfy(m -> assertThat(m).contains("part " + partId)
                .contains("free places"));
        assertThat(result.mismatches().examples()).anySatisfy(m -> assertThat(m)
                .contains("no longer listed").contains("stored ACTIVE, expected CANCELLED"));
    }

    @Test
    void membersMissingUnconfirmedOrNoLongerListedAreMismatches() {
        execute("UPDATE " + PREFIX + "course_members SET confirmed_on = DATE '2020-01-01' WHERE part_id = " + partId
                + " AND canonical_faber_id = '" + faberId + "'");
        long other = school.courses(CourseType.VKU).get(0).courses().get(1).id();
        execute("DELETE FROM " + PREFIX + "course_members WHERE part_id = " + other);

        MirrorCheck.Result result = mirror();

        assertThat(result.mismatches().count()).isEqualTo(1 + 2);
        assertThat(result.mismatches().examples()).anySatisfy(m -> assertThat(m).contains("part " + partId)
                .contains("stored confirmed on 2020-01-01").doesNotContain(faberId));
        assertThat(result.mismatches().examples()).anySatisfy(m -> assertThat(m).contains("part " + other)
                .contains("listed by SARI, not stored"));
    }

    @Test
    void aCourseRowAndAMemberRowTwiceAreDuplicates() {
        execute("ALTER TABLE " + PREFIX + "courses DROP CONSTRAINT " + PREFIX + "courses_pk");
        execute("ALTER TABLE " + PREFIX + "course_members DROP CONSTRAINT " + PREFIX + "course_members_pk");
        execute("INSERT INTO " + PREFIX + "courses SELECT * FROM " + PREFIX + "courses WHERE part_id = " + partId);
        execute("INSERT INTO " + PREFIX + "course_members SELECT * FROM " + PREFIX + "course_members WHERE part_id = "
                + partId + " AND canonical_faber_id = '" + faberId + "'");

        MirrorCheck.Result result = mirror();

        assertThat(result.duplicates().count()).isEqualTo(2);
        assertThat(result.duplicates().examples()).containsExactly(
                "1 duplicate rows in " + PREFIX + "courses by (tenant_id, part_id)",
                "1 duplicate rows in " + PREFIX + "course_members by (tenant_id, part_id, canonical_faber_id)");
    }

    @Test
    void aRunMissingFromTheRunLogIsALostRun() {
        RunLedger ledger = new RunLedger(jdbc);
        Map<String, TenantState> before = ledger.states();
        SyncReport report;
        try (SARISyncEngine engine = engine()) {
            report = engine.syncAll();
        }
        ledger.round(before, report);
        String lostRun = report.results().get(0).runId();
        execute("DELETE FROM " + PREFIX + "sync_runs WHERE run_id = '" + lostRun + "'");

        ledger.checkRunLog(2);

        assertThat(ledger.lostRuns().examples()).anySatisfy(m -> assertThat(m).contains(lostRun)
                .contains("missing from the run log"));
    }

    @Test
    void aFailedRoundThatMovedTheLastSuccessIsALostRun() {
        RunLedger ledger = new RunLedger(jdbc);
        Map<String, TenantState> before = ledger.states();
        String tenant = school.id();
        Instant at = clock.instant().plus(Duration.ofHours(1));
        jdbc.tenantStore().updateState(tenant, new TenantState(at, at, RunStatus.FAILED, 1, "HTTP_ERROR", "down"));
        TenantSyncResult failed = new TenantSyncResult(tenant, tenant, "run-x", SyncTrigger.SCHEDULED,
                SyncOutcome.FAILED, Map.of(), "HTTP_ERROR", "down", List.of(), at, at.plus(Duration.ofSeconds(1)));
        TenantSyncResult other = new TenantSyncResult(simulator.school(1).id(), "other", null, SyncTrigger.SCHEDULED,
                SyncOutcome.SKIPPED, Map.of(), "PAUSED", "paused", List.of(), at, at);

        ledger.round(before, new SyncReport(at, at, List.of(failed, other)));

        assertThat(ledger.lostRuns().count()).isEqualTo(1);
        assertThat(ledger.lostRuns().examples()).singleElement().asString().contains(tenant)
                .contains("FAILED (HTTP_ERROR) but its last success moved");
    }
}
