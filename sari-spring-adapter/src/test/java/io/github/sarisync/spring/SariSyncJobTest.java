package io.github.sarisync.spring;

import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SariSyncJobTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final SyncReport REPORT = new SyncReport(T0, T0.plusSeconds(5), List.of());

    private final SARISyncEngine engine = mock(SARISyncEngine.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void cronAndOffModesRunSyncAllAndDueModeRunsSyncDue() {
        when(engine.syncAll()).thenReturn(REPORT);
        when(engine.syncDue()).thenReturn(REPORT);

        assertThat(new SariSyncJob(engine, SariProperties.ScheduleMode.CRON, executor).runNow()).contains(REPORT);
        assertThat(new SariSyncJob(engine, SariProperties.ScheduleMode.OFF, executor).runNow()).contains(REPORT);
        assertThat(new SariSyncJob(engine, SariProperties.ScheduleMode.DUE, executor).runNow()).contains(REPORT);

        verify(engine, times(2)).syncAll();
        verify(engine, times(1)).syncDue();
    }

    @Test
    void aRunOverlappingTheRunningOneIsNotStarted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(engine.syncAll()).thenAnswer(invocation -> {
            entered.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            return REPORT;
        });
        SariSyncJob job = new SariSyncJob(engine, SariProperties.ScheduleMode.CRON, executor);

        CompletableFuture<SyncReport> first = job.runAsync().orElseThrow();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(job.isRunning()).isTrue();
        assertThat(job.runNow()).isEmpty();
        assertThat(job.runAsync()).isEmpty();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isSameAs(REPORT);
        assertThat(job.isRunning()).isFalse();
        assertThat(job.lastReport()).contains(REPORT);
        verify(engine, times(1)).syncAll();

        assertThat(job.runNow()).contains(REPORT);
    }

    @Test
    void aFailingRunReleasesTheGuard() {
        when(engine.syncAll()).thenThrow(new IllegalStateException("tenant store down")).thenReturn(REPORT);
        SariSyncJob job = new SariSyncJob(engine, SariProperties.ScheduleMode.CRON, executor);

        assertThatThrownBy(job::runNow).hasMessage("tenant store down");
        assertThat(job.isRunning()).isFalse();
        assertThat(job.runNow()).contains(REPORT);
    }

    @Test
    void oneTenantIsSyncedOnTheExecutor() throws Exception {
        TenantSyncResult result = new TenantSyncResult("t1", "School", "run-1", SyncTrigger.MANUAL,
                SyncOutcome.SUCCESS, Map.of(), null, null, List.of(), T0, T0.plusSeconds(1));
        when(engine.syncTenant("t1")).thenReturn(result);
        SariSyncJob job = new SariSyncJob(engine, SariProperties.ScheduleMode.CRON, executor);

        assertThat(job.syncTenantAsync("t1").get(30, TimeUnit.SECONDS)).isSameAs(result);
        assertThatThrownBy(() -> job.syncTenantAsync(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenantId");
        verify(engine, never()).syncAll();
        assertThat(job.lastReport()).isEqualTo(Optional.empty());
    }
}
