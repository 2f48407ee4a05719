package io.github.sarisync.jdbc;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm run (SARI unchanged since the last run) costs the database a small constant number of
 * statements per school, counted at the JDBC level, and writes no course, group or member row.
 */
class WarmRunStatementsTest {
    private static final Logger log = LoggerFactory.getLogger(WarmRunStatementsTest.class);
    private static final int SCHOOLS = 20;
    private static final int MAX_STATEMENTS_PER_SCHOOL = 10;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWarmRunIssuesAtMostTenStatementsPerSchoolAndWritesNoCourseRow(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect); SariSimulator sari = SariSimulator.start()) {
            for (SimulatedSchool school : SchoolGenerator.builder().schools(SCHOOLS).vku(2, 3).pgs(2, 3)
                    .membersPerPart(2).seed(7).build().populate(sari)) {
                db.jdbc().tenantStore().save(Tenant.of(school.id(), "School " + school.id(), sari.baseUri()),
                        school.credentials());
            }
            StatementProbe probe = StatementProbe.counting();
            SariJdbc counted = db.jdbcCountedBy(probe);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            SARISyncEngine engine = SARISyncEngine.builder()
                    .tenantStore(counted.tenantStore()).courseStore(counted.courseStore())
                    .syncLogStore(counted.syncLogStore()).lock(counted.syncLock())
                    .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                    .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).parallelism(4).build())
                    .build();
            SyncReport cold = engine.syncAll();
            assertThat(cold.success()).isTrue();
            assertThat(cold.total().inserted()).isEqualTo(SCHOOLS * 12);
            Map<String, List<Map<String, Object>>> before = courseRows(db);

            probe.reset();
            SyncReport warm = engine.syncAll();

            double perSchool = (double) probe.executed() / SCHOOLS;
            log.info("{} warm run: {} statements for {} schools ({} per school)", dialect, probe.executed(), SCHOOLS,
                    perSchool);
            assertThat(warm.success()).isTrue();
            assertThat(warm.total().rowsWritten()).isZero();
            assertThat(warm.total().unchanged()).isEqualTo(SCHOOLS * 12);
            assertThat(perSchool).as("statements per school in a warm run").isLessThanOrEqualTo(MAX_STATEMENTS_PER_SCHOOL);
            assertThat(courseRows(db)).isEqualTo(before);
        }
    }

    /** Every row of the course tables, column by column. */
    private static Map<String, List<Map<String, Object>>> courseRows(TestDatabase db) {
        return db.jdbc().jdbi().withHandle(h -> Map.of(
                "course_groups", h.createQuery("SELECT * FROM sari_course_groups ORDER BY tenant_id, course_type, group_key")
                        .mapToMap().list(),
                "courses", h.createQuery("SELECT * FROM sari_courses ORDER BY tenant_id, part_id").mapToMap().list(),
                "course_members", h.createQuery("SELECT * FROM sari_course_members"
                        + " ORDER BY tenant_id, part_id, canonical_faber_id").mapToMap().list()));
    }
}
