package io.github.sarisync.jdbc;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.jdbc.reliability.RunRecorder;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.contract.Concurrently;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Several engine instances share one PostgreSQL database, as several app instances would. */
class EnginesOnPostgresTest {
    private static final int SCHOOLS = 24;
    private static final int ENGINES = 3;
    private static final int GROUPS_PER_SCHOOL = 2 * 2;
    private static final int PARTS_PER_SCHOOL = GROUPS_PER_SCHOOL * 3;

    private final TestDatabase db = TestDatabase.postgres();
    private final SariSimulator sari = SariSimulator.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void close() {
        sari.close();
        db.close();
    }

    @Test
    void enginesRacingOverTheSameSchoolsNeverSyncOneTwiceAtOnceAndLoseNothing() throws Exception {
        List<SimulatedSchool> schools = SchoolGenerator.builder().schools(SCHOOLS).vku(2, 3).pgs(2, 3)
                .membersPerPart(2).seed(42).build().populate(sari);
        for (SimulatedSchool school : schools) {
            db.jdbc().tenantStore().save(Tenant.of(school.id(), "School " + school.id(), sari.baseUri()),
                    school.credentials());
        }
        long withdrawn = firstPart(schools.get(0));
        long fuller = firstPart(schools.get(1));
        RunRecorder recorder = new RunRecorder();
        List<SARISyncEngine> engines = new ArrayList<>();
        for (int e = 0; e < ENGINES; e++) {
            engines.add(engine(SariJdbc.builder().hostPolicy(SariSimulator.hostPolicy()).dataSource(db.dataSource())
                    .credentialsCipher(TestDatabase.CIPHER).build(), recorder, "engine-" + e));
        }

        List<SyncReport> reports = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            if (round == 1) {
                schools.get(0).setReleased(withdrawn, false);
                schools.get(1).setFreePlaces(fuller, 0);
            }
            reports.addAll(Concurrently.run(ENGINES, e -> engines.get(e).syncAll()));
        }

        assertThat(recorder.overlaps()).as("times a school was synced by two engines at once").isEmpty();
        List<TenantSyncResult> results = reports.stream().flatMap(r -> r.results().stream()).toList();
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.tenantId() + " " + r.errorMessage())
                .isIn(SyncOutcome.SUCCESS, SyncOutcome.SKIPPED));
        assertThat(results).filteredOn(r -> r.outcome() == SyncOutcome.SKIPPED).as("the engines did compete")
                .isNotEmpty().allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("LOCKED"));
        for (int round = 0; round < 3; round++) {
            Map<String, Long> synced = reports.subList(round * ENGINES, round * ENGINES + ENGINES).stream()
                    .flatMap(r -> r.results().stream()).filter(r -> r.outcome() == SyncOutcome.SUCCESS)
                    .collect(Collectors.groupingBy(TenantSyncResult::tenantId, Collectors.counting()));
            assertThat(synced).as("schools synced in round %d", round).hasSize(SCHOOLS);
        }
        assertThat(recorder.holdCount()).isEqualTo(results.stream().filter(r -> r.outcome() == SyncOutcome.SUCCESS).count());
        assertThat(count("SELECT COUNT(*) FROM sari_courses")).isEqualTo(SCHOOLS * PARTS_PER_SCHOOL);
        assertThat(count("SELECT COUNT(*) FROM sari_courses WHERE status = 'CANCELLED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sari_course_members")).isEqualTo(SCHOOLS * PARTS_PER_SCHOOL * 2);
        assertThat(count("SELECT COUNT(*) FROM sari_course_groups")).as("one group row per SARI group")
                .isEqualTo(SCHOOLS * GROUPS_PER_SCHOOL);
        assertThat(count("SELECT COUNT(*) FROM sari_courses WHERE part_id = " + withdrawn + " AND status = 'CANCELLED'"
                + " AND tenant_id = '" + schools.get(0).id() + "'")).isEqualTo(1);
        assertThat(count("SELECT free_places FROM sari_courses WHERE part_id = " + fuller)).isZero();
        assertThat(count("SELECT COUNT(*) FROM sari_sync_runs WHERE status = 'SUCCEEDED'"))
                .isEqualTo(recorder.holdCount());
        assertThat(count("SELECT COUNT(*) FROM sari_sync_runs WHERE status = 'STARTED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sari_locks WHERE expires_at > now()")).isZero();
    }

    private SARISyncEngine engine(SariJdbc jdbc, RunRecorder recorder, String instanceId) {
        return SARISyncEngine.builder()
                .tenantStore(jdbc.tenantStore()).courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore())
                .lock(recorder.lock(instanceId, jdbc.syncLock()))
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .instanceId(instanceId).parallelism(4).build())
                .build();
    }

    private static long firstPart(SimulatedSchool school) {
        return school.courses(CourseType.VKU).get(0).courses().get(0).id();
    }

    private int count(String sql) {
        return db.jdbc().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
