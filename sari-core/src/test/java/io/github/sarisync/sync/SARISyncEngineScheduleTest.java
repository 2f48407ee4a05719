package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Several schools in one run: failures stay with their school, and syncDue spreads schools over the interval. */
class SARISyncEngineScheduleTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "school",
            "school-password");
    private static final String COURSES = "[{\"name\":\"VKU März\",\"date\":\"2026-03-20 00:00\",\"courses\":[{\"id\":61,"
            + "\"name\":\"VKU Teil 1\",\"date\":\"2026-03-20 08:00\",\"address\":{\"name\":\"Fahrschule\","
            + "\"address\":\"Weg 1\",\"zip\":8001,\"city\":\"Zürich\"},\"freeplaces\":10}]}]";

    private final TestClock clock = new TestClock(T0);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final InMemoryCourseStore courses = new InMemoryCourseStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private final List<TinySari> servers = new ArrayList<>();
    private SARISyncEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        servers.forEach(TinySari::close);
    }

    private TinySari school(String id) throws IOException {
        TinySari sari = new TinySari();
        servers.add(sari);
        sari.ok("/courses/VKU", COURSES);
        sari.ok("/coursedetail/61", "[]");
        tenants.save(Tenant.of(id, "Fahrschule " + id, sari.baseUri()), CREDENTIALS);
        return sari;
    }

    private SARISyncEngine engine(SyncOptions options) {
        engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(tenants).courseStore(courses).syncLogStore(runs).clock(clock)
                .options(options)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .sleeper(d -> { })
                        .retry(RetryPolicy.builder().maxRetries(2).initialDelay(Duration.ofMillis(1)).build())))
                .build();
        return engine;
    }

    @Test
    void wrongCredentialsAndAServerFailingForeverFailOnlyTheirSchools() throws IOException {
        school("school-a");
        school("school-b");
        school("school-c");
        school("school-refused").refuseTokens();
        TinySari down = school("school-down");
        down.answerServerErrors();
        tenants.updateState("school-down", new TenantState(T0.minusSeconds(3600), T0.minusSeconds(3600), null, 0,
                null, null));

        SyncReport report = engine(TestHosts.loopbackOptions()).syncAll();

        assertThat(report.success()).isFalse();
        assertThat(report.tenantsProcessed()).isEqualTo(5);
        assertThat(report.totalSyncs()).isEqualTo(3);
        assertThat(report.failedTenants()).extracting(FailedTenant::tenantId)
                .containsExactly("school-down", "school-refused");
        Map<String, TenantSyncResult> byId = new HashMap<>();
        report.results().forEach(r -> byId.put(r.tenantId(), r));
        assertThat(byId.get("school-refused").errorCode()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(byId.get("school-down").errorCode()).isIn("INTERNAL_SERVER_ERROR", "SERVER_ERROR");
        assertThat(report.failedTenants()).allSatisfy(f -> assertThat(f.error()).doesNotContain("school-password")
                .doesNotContain("client-secret"));
        assertThat(List.of("school-a", "school-b", "school-c")).allSatisfy(id -> {
            assertThat(byId.get(id).outcome()).isEqualTo(SyncOutcome.SUCCESS);
            assertThat(tenants.find(id).orElseThrow().state().lastSuccessAt()).isEqualTo(T0);
        });
        TenantState downState = tenants.find("school-down").orElseThrow().state();
        assertThat(downState.lastSuccessAt()).isEqualTo(T0.minusSeconds(3600));
        assertThat(downState.consecutiveFailures()).isOne();
        assertThat(down.calls("/api/courseregistration/courses/PGS")).isZero();

        engine.syncAll();
        assertThat(tenants.find("school-down").orElseThrow().state().consecutiveFailures()).isEqualTo(2);
        assertThat(tenants.find("school-a").orElseThrow().state().consecutiveFailures()).isZero();
    }

    @Test
    void syncDueSpreadsAHundredSchoolsOverTheIntervalAndCatchesUpAMissedRunOnce() throws IOException {
        TinySari sari = new TinySari();
        servers.add(sari);
        sari.ok("/courses/VKU", COURSES);
        sari.ok("/coursedetail/61", "[]");
        for (int i = 0; i < 100; i++) {
            tenants.save(Tenant.of(String.format("school-%03d", i), "School " + i, sari.baseUri()), CREDENTIALS);
        }
        SARISyncEngine engine = engine(SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK).parallelism(8).build());
        assertThat(engine.syncDue().results()).hasSize(100);

        Map<String, Integer> runsPerSchool = new HashMap<>();
        int mostAtOnce = 0;
        for (int step = 1; step <= 12; step++) {
            clock.advance(Duration.ofMinutes(5));
            SyncReport due = engine.syncDue();
            mostAtOnce = Math.max(mostAtOnce, due.results().size());
            due.results().forEach(r -> {
                assertThat(r.trigger()).isEqualTo(SyncTrigger.SCHEDULED);
                runsPerSchool.merge(r.tenantId(), 1, Integer::sum);
            });
        }

        assertThat(runsPerSchool).hasSize(100).allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(mostAtOnce).isLessThan(25);

        clock.advance(Duration.ofHours(5));
        SyncReport afterDowntime = engine.syncDue();
        clock.advance(Duration.ofMinutes(1));
        SyncReport next = engine.syncDue();

        assertThat(afterDowntime.results()).hasSize(100)
                .allSatisfy(r -> assertThat(r.trigger()).isEqualTo(SyncTrigger.CATCH_UP));
        assertThat(next.results()).isEmpty();
    }
}
