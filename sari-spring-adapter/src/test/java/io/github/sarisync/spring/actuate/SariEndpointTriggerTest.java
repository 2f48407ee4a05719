package io.github.sarisync.spring.actuate;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.spring.SariSyncJob;
import io.github.sarisync.spring.internal.TriggerPool;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manual trigger through the endpoint answers at once with the run id, while the sync runs on the
 * bounded trigger pool; a full pool answers BUSY. The SARI client of these tests blocks until the
 * test lets it go, so the answers provably come before the runs end.
 */
class SariEndpointTriggerTest {
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-id", "client-secret-123", "school-user", "very-secret-password");

    private final InMemoryTenantStore tenants = new InMemoryTenantStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    /** Names of the threads that built a client, i.e. ran a sync. */
    private final Set<String> syncThreads = ConcurrentHashMap.newKeySet();
    private final Semaphore entered = new Semaphore(0);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore finished = new Semaphore(0);
    private final SARISyncEngine engine = SARISyncEngine.builder().tenantStore(tenants)
            .courseStore(new InMemoryCourseStore()).syncLogStore(runs)
            .listener(new SyncListener() {
                @Override
                public void tenantFinished(TenantSyncResult result) {
                    finished.release();
                }
            })
            .clientFactory((tenant, credentials) -> {
                syncThreads.add(Thread.currentThread().getName());
                entered.release();
                awaitRelease();
                throw new IllegalStateException("no SARI in this test");
            }).build();
    private final TriggerPool pool = new TriggerPool(1, 1);
    private final SariEndpoint endpoint = new SariEndpoint(tenants, runs,
            new SariSyncJob(engine, SariProperties.ScheduleMode.OFF, pool.executor()), "off", 10, 50, 500);

    @AfterEach
    void close() {
        release.countDown();
        pool.close();
        engine.close();
    }

    @Test
    void aManualTriggerAnswersAcceptedAtOnceWithTheRunIdOfItsRunLogRowAndNeverSyncsOnTheRequestThread()
            throws Exception {
        tenants.save(Tenant.of("t1", "Fahrschule Eins", SariEnvironment.TEST), CREDENTIALS);

        WebEndpointResponse<SariEndpoint.Trigger> answer = endpoint.syncTenant("t1");

        assertThat(answer.getStatus()).isEqualTo(202);
        assertThat(answer.getBody().status()).isEqualTo(SariEndpoint.TriggerStatus.ACCEPTED);
        assertThat(answer.getBody().started()).isTrue();
        String runId = answer.getBody().runId();
        assertThat(runId).isNotBlank();
        assertThat(entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        // the answer was given while the run still blocks in its SARI client
        assertThat(runs.runningRuns()).extracting(SyncRun::runId).containsExactly(runId);

        release.countDown();
        assertThat(finished.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.recentRuns("t1", 10)).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo(runId);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        });
        assertThat(syncThreads).allSatisfy(name -> assertThat(name).startsWith("sari-trigger-"))
                .doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aFullTriggerPoolAnswersBusyAndNothingRunsOnTheRequestThread() throws Exception {
        for (String id : List.of("t1", "t2", "t3")) {
            tenants.save(Tenant.of(id, "School " + id, SariEnvironment.TEST), CREDENTIALS);
        }

        WebEndpointResponse<SariEndpoint.Trigger> running = endpoint.syncTenant("t1");
        assertThat(entered.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        WebEndpointResponse<SariEndpoint.Trigger> queued = endpoint.syncTenant("t2");
        WebEndpointResponse<SariEndpoint.Trigger> refused = endpoint.syncTenant("t3");

        assertThat(running.getStatus()).isEqualTo(202);
        assertThat(queued.getStatus()).isEqualTo(202);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getBody()).satisfies(trigger -> {
            assertThat(trigger.started()).isFalse();
            assertThat(trigger.status()).isEqualTo(SariEndpoint.TriggerStatus.BUSY);
            assertThat(trigger.runId()).isNull();
        });

        release.countDown();
        assertThat(finished.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.recentRuns(null, 10)).extracting(SyncRun::tenantId).containsExactlyInAnyOrder("t1", "t2");
        assertThat(syncThreads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("sari-trigger-"));
    }

    private void awaitRelease() {
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
