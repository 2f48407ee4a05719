package io.github.sarisync.jdbc;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.contract.Concurrently;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Several engine instances share one PostgreSQL database, as several app instances would. */
class EnginesOnPostgresTest {
    private static final int SCHOOLS = 24;
    private static final int ENGINES = 3;
    private static final int PARTS_PER_SCHOOL = 2 * 2 * 3;

    private final TestDatabase db = TestDatabase.postgres();
    private final TestSari sari = new TestSari();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    EnginesOnPostgresTest() throws IOException {
    }

    @AfterEach
    void close() {
        sari.close();
        db.close();
    }

    @Test
    void enginesRacingOverTheSameSchoolsNeverSyncOneTwiceAtOnceAndLoseNothing() throws Exception {
        for (int i = 0; i < SCHOOLS; i++) {
            SariCredentials credentials = new SariCredentials("client-" + i, "secret-" + i, "school-" + i, "pw-" + i);
            sari.school(credentials, 10_000L * (i + 1), LocalDate.now().plusWeeks(3).atTime(18, 0), 2, 3, 2);
            db.jdbc().tenantStore().save(Tenant.of("tenant-" + i, "School " + i, sari.baseUri()), credentials);
        }
        LeaseWatch watch = new LeaseWatch();
        List<SARISyncEngine> engines = new ArrayList<>();
        for (int e = 0; e < ENGINES; e++) {
            engines.add(engine(SariJdbc.builder().dataSource(db.dataSource())
                    .credentialsCipher(TestDatabase.CIPHER).build(), watch, "engine-" + e));
        }

        List<SyncReport> reports = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            if (round == 1) {
                sari.withdraw("school-0", 10_000L);
                sari.setFreePlaces("school-1", 20_001L, 3);
            }
            reports.addAll(Concurrently.run(ENGINES, e -> engines.get(e).syncAll()));
        }

        assertThat(watch.overlaps()).as("times a school was synced by two engines at once").isZero();
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
        assertThat(watch.taken()).isEqualTo(results.stream().filter(r -> r.outcome() == SyncOutcome.SUCCESS).count());
        assertThat(count("SELECT COUNT(*) FROM sari_courses")).isEqualTo(SCHOOLS * PARTS_PER_SCHOOL);
        assertThat(count("SELECT COUNT(*) FROM sari_courses WHERE status = 'CANCELLED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sari_course_members")).isEqualTo(SCHOOLS * PARTS_PER_SCHOOL * 2);
        assertThat(count("SELECT COUNT(*) FROM (SELECT tenant_id, course_type, name FROM sari_course_groups"
                + " GROUP BY tenant_id, course_type, name HAVING COUNT(*) > 1) duplicates")).isZero();
        assertThat(count("SELECT free_places FROM sari_courses WHERE tenant_id = 'tenant-1' AND part_id = 20001"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM sari_sync_runs WHERE status = 'SUCCEEDED'"))
                .isEqualTo(watch.taken());
        assertThat(count("SELECT COUNT(*) FROM sari_sync_runs WHERE status = 'STARTED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sari_locks WHERE expires_at > now()")).isZero();
    }

    private SARISyncEngine engine(SariJdbc jdbc, LeaseWatch watch, String instanceId) {
        return SARISyncEngine.builder()
                .tenantStore(jdbc.tenantStore()).courseStore(jdbc.courseStore()).syncLogStore(jdbc.syncLogStore())
                .lock(watch.watch(jdbc.syncLock()))
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                .options(SyncOptions.builder().instanceId(instanceId).parallelism(4).build())
                .build();
    }

    private int count(String sql) {
        return db.jdbc().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
