package io.github.sarisync.spring.actuate;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.spring.SariSyncJob;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.SyncSubmission;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SariEndpointTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-id", "client-secret-123", "school-user", "very-secret-password");

    private final InMemoryTenantStore tenants = new InMemoryTenantStore(HostPolicy.builder().allowLoopback().build());
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private final SARISyncEngine engine = mock(SARISyncEngine.class);
    private final Executor direct = Runnable::run;
    private final SariSyncJob job = new SariSyncJob(engine, SariProperties.ScheduleMode.CRON, direct);
    private final SariEndpoint endpoint = new SariEndpoint(tenants, runs, job, "cron \"0 0 * * * *\" Europe/Zurich", 10,
            50, 500);

    @Test
    void theOverviewShowsEveryTenantsStateAndTheRecentRunsButNoCredentials() {
        tenants.save(Tenant.of("t1", "Fahrschule Eins", URI.create("http://localhost:8089")), CREDENTIALS);
        tenants.updateState("t1", new TenantState(T0, T0, RunStatus.SUCCEEDED, 0, null, null));
        tenants.save(Tenant.of("t2", "Fahrschule Zwei", SariEnvironment.TEST), CREDENTIALS);
        tenants.updateState("t2", new TenantState(T0, null, RunStatus.FAILED, 2, "AUTHENTICATION_FAILED",
                "token: refused"));
        runs.finished(SyncRun.started("run-1", "t1", SyncRun.SYNC, SyncTrigger.SCHEDULED, T0)
                .finish(RunStatus.SUCCEEDED, T0.plusSeconds(4), new SyncCounts(3, 0, 0, 0, 0, 5, 0, 0), null, null,
                        "VKU, PGS"));

        SariEndpoint.Overview overview = endpoint.overview(null, null, null);

        assertThat(overview.schedule()).isEqualTo("cron \"0 0 * * * *\" Europe/Zurich");
        assertThat(overview.running()).isFalse();
        assertThat(overview.tenants()).extracting(SariEndpoint.TenantView::id).containsExactly("t1", "t2");
        SariEndpoint.TenantView t2 = overview.tenants().get(1);
        assertThat(t2.address()).isEqualTo(SariEnvironment.TEST.baseUri().toString());
        assertThat(t2.lastOutcome()).isEqualTo("FAILED");
        assertThat(t2.consecutiveFailures()).isEqualTo(2);
        assertThat(t2.lastErrorCode()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(overview.recentRuns()).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo("run-1");
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            assertThat(run.counts().inserted()).isEqualTo(3);
            assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(4).toString());
        });
        assertThat(overview.toString()).doesNotContain(CREDENTIALS.clientSecret(), CREDENTIALS.password(),
                CREDENTIALS.clientId(), CREDENTIALS.username());
    }

    @Test
    void oneTenantShowsItsOwnRunsAndAnUnknownOneIsNotFound() {
        tenants.save(Tenant.of("t1", "Fahrschule Eins", SariEnvironment.TEST), CREDENTIALS);
        runs.finished(SyncRun.started("run-1", "t1", SyncRun.SYNC, SyncTrigger.MANUAL, T0)
                .finish(RunStatus.SUCCEEDED, T0.plusSeconds(1), SyncCounts.ZERO, null, null, null));
        runs.finished(SyncRun.started("run-2", "t2", SyncRun.SYNC, SyncTrigger.MANUAL, T0)
                .finish(RunStatus.FAILED, T0.plusSeconds(1), SyncCounts.ZERO, "SERVER_ERROR", "HTTP 503", null));

        assertThat(endpoint.tenant("t1", null).recentRuns()).extracting(SariEndpoint.RunView::runId).containsExactly("run-1");
        assertThat(endpoint.tenant("nobody", null)).isNull();
    }

    @Test
    void triggeringAllStartsARunUnlessOneIsInProgress() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        when(engine.syncAll()).thenAnswer(invocation -> {
            entered.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            return new SyncReport(T0, T0, List.of());
        });
        SariSyncJob threaded = new SariSyncJob(engine, SariProperties.ScheduleMode.CRON,
                command -> new Thread(command, "test-trigger").start());
        SariEndpoint withThreads = new SariEndpoint(tenants, runs, threaded, "off", 10, 50, 500);

        assertThat(withThreads.syncAll().started()).isTrue();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        SariEndpoint.Trigger second = withThreads.syncAll();
        release.countDown();

        assertThat(second.started()).isFalse();
        assertThat(second.message()).isEqualTo("a run is already in progress");
    }

    @Test
    void triggeringOneTenantSyncsItAndRefusesUnknownOrDisabledTenants() {
        tenants.save(Tenant.of("t1", "Fahrschule Eins", SariEnvironment.TEST), CREDENTIALS);
        tenants.save(Tenant.of("off", "Geschlossen", SariEnvironment.TEST).withEnabled(false), CREDENTIALS);

        when(engine.submitTenant(eq("t1"), any(Executor.class))).thenReturn(
                new SyncSubmission("t1", "run-1", new CompletableFuture<>()));

        assertThat(endpoint.syncTenant("t1").getBody().started()).isTrue();
        verify(engine).submitTenant(eq("t1"), any(Executor.class));

        assertThat(endpoint.syncTenant("nobody").getBody()).isEqualTo(new SariEndpoint.Trigger(false,
                SariEndpoint.TriggerStatus.NOT_FOUND, null, "no tenant nobody"));
        assertThat(endpoint.syncTenant("off").getBody()).isEqualTo(new SariEndpoint.Trigger(false,
                SariEndpoint.TriggerStatus.DISABLED, null, "tenant off is disabled"));
        verify(engine, never()).submitTenant(eq("off"), any(Executor.class));
    }
}
