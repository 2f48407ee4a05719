package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases that fence: a run that lost its lease writes nothing, engines sharing options never share a
 * lease, and the history shows a run from the moment its lease was taken. Two engines share one
 * in-memory "database" (stores and lock); a test holds one of them at a chosen step with latches.
 */
class LeaseFencingTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String GROUP = "{\"name\":\"VKU März\",\"date\":\"2026-03-20 00:00\",\"courses\":[%s]}";

    private final TestClock clock = new TestClock(T0);
    private final InMemorySyncLock lock = new InMemorySyncLock(clock);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK, lock);
    private final StallingCourseStore courses = new StallingCourseStore(lock);
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore(lock);
    private final SyncOptions options = SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK).leaseDuration(LEASE)
            .instanceId("node-1").build();
    private final List<SARISyncEngine> engines = new ArrayList<>();
    private TinySari sari;

    @BeforeEach
    void start() throws IOException {
        sari = new TinySari();
        tenants.save(Tenant.of("tenant-1", "Fahrschule Eins", sari.baseUri()),
                new SariCredentials("client", "client-secret", "school", "school-password"));
        vkuWithFreePlaces(10);
        sari.ok("/coursedetail/61", "[]");
        sari.ok("/coursedetail/62", "[]");
    }

    @AfterEach
    void stop() {
        engines.forEach(SARISyncEngine::close);
        sari.close();
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverWhileItStalledWritesNothingAndItsRunEndsLeaseLost() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        SARISyncEngine stale = engine(lock, new SyncListener() {
            @Override
            public void writeRefused(String tenantId, String write) {
                refused.add(tenantId + " " + write);
            }
        });
        SARISyncEngine taker = engine(lock, null);
        courses.stallNextApply();

        CompletableFuture<TenantSyncResult> staleRun = CompletableFuture.supplyAsync(() -> stale.syncTenant("tenant-1"));
        await(courses.stalled);
        // the stale holder is stuck inside its write (GC pause, stalled connection) past its lease
        vkuWithFreePlaces(3);
        clock.advance(LEASE.multipliedBy(2));
        TenantSyncResult takeover = taker.syncTenant("tenant-1");
        courses.resume.countDown();
        TenantSyncResult lost = staleRun.get(30, TimeUnit.SECONDS);

        assertThat(takeover.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(lost.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(lost.errorCode()).isEqualTo("LEASE_LOST");
        assertThat(lost.refusedWrites()).isOne();
        assertThat(refused).containsExactly("tenant-1 courseStore.apply");
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).extracting(StoredCourse::freePlaces)
                .containsOnly(3);
        TenantState state = tenants.find("tenant-1").orElseThrow().state();
        assertThat(state.lastSuccessAt()).isEqualTo(takeover.startedAt());
        assertThat(state.lastAttemptAt()).isEqualTo(takeover.startedAt());
        assertThat(run(lost.runId())).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorCode()).isEqualTo("LEASE_LOST");
        });
        assertThat(run(takeover.runId()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void twoEnginesBuiltFromOneOptionsNeverBothHoldATenantsLease() throws Exception {
        CountDownLatch fetched = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        SARISyncEngine first = engine(lock, new SyncListener() {
            @Override
            public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
                fetched.countDown();
                await(goOn);
            }
        });
        SARISyncEngine second = engine(lock, null);

        CompletableFuture<TenantSyncResult> firstRun = CompletableFuture.supplyAsync(() -> first.syncTenant("tenant-1"));
        await(fetched);
        TenantSyncResult secondResult = second.syncTenant("tenant-1");
        goOn.countDown();
        TenantSyncResult firstResult = firstRun.get(30, TimeUnit.SECONDS);

        assertThat(first.holderId()).isNotEqualTo(second.holderId()).startsWith("node-1");
        assertThat(secondResult.outcome()).isEqualTo(SyncOutcome.SKIPPED);
        assertThat(secondResult.errorCode()).isEqualTo("LOCKED");
        assertThat(firstResult.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(runs.recentRuns("tenant-1", 10)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
    }

    @Test
    void aRunStartsWhenItsLeaseIsTakenSoTheHistoryNeverShowsTwoRunsOfOneTenantOverlapping() throws Exception {
        CountDownLatch fetched = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        SARISyncEngine first = engine(lock, new SyncListener() {
            @Override
            public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
                fetched.countDown();
                await(goOn);
            }
        });
        // a slow lease statement: it waits on the lease row until the first run has let go of it
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch firstDone = new CountDownLatch(1);
        SARISyncEngine second = engine(new SyncLock() {
            @Override
            public Optional<Lease> tryAcquire(String name, String owner, Duration duration) {
                asking.countDown();
                await(firstDone);
                return lock.tryAcquire(name, owner, duration);
            }

            @Override
            public boolean extend(Lease lease, Duration duration) {
                return lock.extend(lease, duration);
            }

            @Override
            public void release(Lease lease) {
                lock.release(lease);
            }
        }, null);

        CompletableFuture<TenantSyncResult> firstRun = CompletableFuture.supplyAsync(() -> first.syncTenant("tenant-1"));
        await(fetched);
        CompletableFuture<TenantSyncResult> secondRun = CompletableFuture.supplyAsync(
                () -> second.syncTenant("tenant-1"));
        await(asking);
        clock.advance(Duration.ofMinutes(2));
        goOn.countDown();
        TenantSyncResult firstResult = firstRun.get(30, TimeUnit.SECONDS);
        firstDone.countDown();
        TenantSyncResult secondResult = secondRun.get(30, TimeUnit.SECONDS);

        assertThat(firstResult.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(secondResult.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(secondResult.startedAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        List<SyncRun> history = runs.recentRuns("tenant-1", 10).stream()
                .sorted(Comparator.comparing(SyncRun::startedAt)).toList();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).startedAt()).isAfterOrEqualTo(history.get(0).finishedAt());
    }

    private SARISyncEngine engine(SyncLock engineLock, SyncListener listener) {
        SARISyncEngine engine = SARISyncEngine.builder().tenantStore(tenants).courseStore(courses).syncLogStore(runs)
                .lock(engineLock).clock(clock).options(options).listener(listener)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();
        engines.add(engine);
        return engine;
    }

    private void vkuWithFreePlaces(int freePlaces) {
        sari.ok("/courses/VKU", "[" + GROUP.formatted(part(61, freePlaces) + "," + part(62, freePlaces)) + "]");
    }

    private static String part(long id, int freePlaces) {
        return "{\"id\":" + id + ",\"name\":\"VKU Teil " + id + "\",\"date\":\"2026-03-2" + (id - 60)
                + " 08:00\",\"address\":{\"name\":\"Fahrschule Muster\",\"address\":\"Bahnhofstrasse 1\",\"zip\":8001,"
                + "\"city\":\"Zürich\"},\"freeplaces\":" + freePlaces + "}";
    }

    private SyncRun run(String runId) {
        return runs.recentRuns("tenant-1", 10).stream().filter(r -> r.runId().equals(runId)).findFirst()
                .orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other engine never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A course store whose next apply stops before writing until the test lets it go on. */
    private static final class StallingCourseStore extends InMemoryCourseStore {
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final AtomicBoolean stallNext = new AtomicBoolean();

        StallingCourseStore(InMemorySyncLock lock) {
            super(lock);
        }

        void stallNextApply() {
            stallNext.set(true);
        }

        @Override
        public void apply(ChangeSet changes, Lease lease) {
            if (stallNext.compareAndSet(true, false)) {
                stalled.countDown();
                await(resume);
            }
            super.apply(changes, lease);
        }
    }
}
