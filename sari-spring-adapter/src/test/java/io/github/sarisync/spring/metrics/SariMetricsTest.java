package io.github.sarisync.spring.metrics;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SariMetricsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "user", "pass-word");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryTenantStore tenants = new InMemoryTenantStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aTenantRunCountsItsOutcomeAndRecordsItsDurationWithoutATenantTag() {
        SariMetrics metrics = new SariMetrics(registry, tenants, clock, false);

        metrics.tenantFinished(result("t1", SyncOutcome.SUCCESS, Duration.ofSeconds(4)));
        metrics.tenantFinished(result("t2", SyncOutcome.SUCCESS, Duration.ofSeconds(2)));
        metrics.tenantFinished(result("t3", SyncOutcome.FAILED, Duration.ofSeconds(1)));

        assertThat(registry.get(SariMetrics.RUNS).tag("outcome", "success").counter().count()).isEqualTo(2);
        assertThat(registry.get(SariMetrics.RUNS).tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get(SariMetrics.RUN_DURATION).tag("outcome", "success").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(6.0);
        assertThat(registry.find(SariMetrics.RUNS).tagKeys("tenant").counters()).isEmpty();
    }

    @Test
    void theTenantTagIsOptIn() {
        SariMetrics metrics = new SariMetrics(registry, tenants, clock, true);

        metrics.tenantFinished(result("t1", SyncOutcome.PARTIAL, Duration.ofSeconds(1)));

        assertThat(registry.get(SariMetrics.RUNS).tags("outcome", "partial", "tenant", "t1").counter().count())
                .isEqualTo(1);
    }

    @Test
    void tenantsSkippedBecauseAnotherInstanceSyncsThemAndWritesRefusedForALostLeaseAreCounted() {
        SariMetrics metrics = new SariMetrics(registry, tenants, clock, false);

        metrics.tenantFinished(new TenantSyncResult("t1", "School t1", null, SyncTrigger.SCHEDULED,
                SyncOutcome.SKIPPED, Map.of(), TenantSyncResult.LOCKED, "another instance holds the lease", List.of(),
                NOW, NOW));
        metrics.tenantFinished(new TenantSyncResult("t2", "School t2", null, SyncTrigger.SCHEDULED,
                SyncOutcome.SKIPPED, Map.of(), "PAUSED", "paused", List.of(), NOW, NOW));
        metrics.writeRefused("t3", "courseStore.apply");

        assertThat(registry.get(SariMetrics.LOCKED).counter().count()).isEqualTo(1);
        assertThat(registry.get(SariMetrics.WRITES_REFUSED).tag("write", "courseStore.apply").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(SariMetrics.RUNS).tag("outcome", "skipped").counter().count()).isEqualTo(2);
    }

    @Test
    void everyRequestToSariIsCountedByOperationAndStatus() {
        SariMetrics metrics = new SariMetrics(registry, tenants, clock, false);

        metrics.onRequest("getCourses", "OK", 200, Duration.ofMillis(30));
        metrics.onRequest("getCourses", "OK", 200, Duration.ofMillis(40));
        metrics.onRequest("token", "AUTHENTICATION_FAILED", 400, Duration.ofMillis(10));

        assertThat(registry.get(SariMetrics.REQUESTS).tags("operation", "getCourses", "status", "OK").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(SariMetrics.REQUESTS).tags("operation", "token", "status", "AUTHENTICATION_FAILED")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void theAgeGaugeShowsTheTenantThatWaitedLongestSinceItsLastSuccess() {
        new SariMetrics(registry, tenants, clock, false);
        assertThat(registry.get(SariMetrics.LAST_SUCCESS_AGE).gauge().value()).isNaN();

        saveWithLastSuccess("t1", NOW.minus(Duration.ofMinutes(10)));
        saveWithLastSuccess("t2", NOW.minus(Duration.ofMinutes(90)));

        assertThat(registry.get(SariMetrics.LAST_SUCCESS_AGE).gauge().value()).isEqualTo(90 * 60.0);
    }

    @Test
    void withTenantTagsTheAgeGaugeHasOneSeriesPerTenantAfterARun() {
        SariMetrics metrics = new SariMetrics(registry, tenants, clock, true);
        saveWithLastSuccess("t1", NOW.minus(Duration.ofMinutes(10)));
        saveWithLastSuccess("t2", NOW.minus(Duration.ofMinutes(90)));

        metrics.runFinished(new SyncReport(NOW, NOW, List.of()));

        assertThat(registry.get(SariMetrics.LAST_SUCCESS_AGE).tag("tenant", "t1").gauge().value()).isEqualTo(600.0);
        assertThat(registry.get(SariMetrics.LAST_SUCCESS_AGE).tag("tenant", "t2").gauge().value()).isEqualTo(5400.0);
    }

    private void saveWithLastSuccess(String id, Instant lastSuccess) {
        tenants.save(Tenant.of(id, "School " + id, SariEnvironment.TEST), CREDENTIALS);
        tenants.updateState(id, new TenantState(lastSuccess, lastSuccess, RunStatus.SUCCEEDED, 0, null, null));
    }

    private static TenantSyncResult result(String tenant, SyncOutcome outcome, Duration took) {
        return new TenantSyncResult(tenant, "School " + tenant, "run-" + tenant, SyncTrigger.SCHEDULED, outcome,
                Map.of(), null, null, List.of(), NOW.minus(took), NOW);
    }
}
