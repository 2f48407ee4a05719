package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SARISyncEngine#submitTenant}: the run id is known before the run starts, and the caller never runs it. */
class SubmitTenantTest {
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "school",
            "school-password");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryTenantStore tenants = new InMemoryTenantStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> clientThread = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-worker"));
    private final SARISyncEngine engine = SARISyncEngine.builder().tenantStore(tenants)
            .courseStore(new InMemoryCourseStore()).syncLogStore(runs).clock(clock)
            .clientFactory((tenant, credentials) -> {
                clientThread.set(Thread.currentThread().getName());
                entered.countDown();
                await(release);
                throw new IllegalStateException("no SARI in this test");
            }).build();

    @AfterEach
    void close() {
        release.countDown();
        worker.shutdownNow();
        engine.close();
    }

    @Test
    void aSubmittedRunAnswersAtOnceWithTheRunIdOfItsRunLogRowAndRunsOnTheGivenExecutor() throws Exception {
        tenants.save(Tenant.of("t1", "School", SariEnvironment.TEST), CREDENTIALS);

        SyncSubmission submission = engine.submitTenant("t1", worker);

        assertThat(submission.tenantId()).isEqualTo("t1");
        assertThat(submission.result()).isNotDone();
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.runningRuns()).extracting(SyncRun::runId).containsExactly(submission.runId());
        assertThat(clientThread.get()).isEqualTo("test-worker");

        release.countDown();
        TenantSyncResult result = submission.result().get(30, TimeUnit.SECONDS);
        assertThat(result.runId()).isEqualTo(submission.runId());
        assertThat(result.trigger()).isEqualTo(io.github.sarisync.spi.SyncTrigger.MANUAL);
        assertThat(runs.recentRuns("t1", 10)).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo(submission.runId());
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        });
    }

    @Test
    void anExecutorThatRefusesTheTaskStartsNothing() {
        tenants.save(Tenant.of("t1", "School", SariEnvironment.TEST), CREDENTIALS);

        assertThatThrownBy(() -> engine.submitTenant("t1", task -> {
            throw new RejectedExecutionException("queue full");
        })).isInstanceOf(RejectedExecutionException.class);

        assertThat(runs.recentRuns(null, 10)).isEmpty();
        assertThat(clientThread.get()).isNull();
    }

    @Test
    void anUnknownTenantFailsOnTheCallingThreadNamingIt() {
        assertThatThrownBy(() -> engine.submitTenant("nobody", worker))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
