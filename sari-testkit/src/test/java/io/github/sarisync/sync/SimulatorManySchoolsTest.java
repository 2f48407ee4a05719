package io.github.sarisync.sync;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.testkit.Operation;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many schools against the simulator: what a warm run costs SARI, and engines sharing a lock. */
class SimulatorManySchoolsTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);
    private static final CourseLocation LOCATION = new CourseLocation("Fahrschule", "Weg 1", "8001", "Zürich");

    private final SimulatorClock clock = SimulatorClock.fixed(START);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(SariSimulator.hostPolicy());
    private final InMemoryCourseStore courses = new InMemoryCourseStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private final SariSimulator sari = SariSimulator.builder().clock(clock).start();
    private final List<SARISyncEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(SARISyncEngine::close);
        sari.close();
    }

    private SARISyncEngine engine(TenantStore store, SyncLock lock, SyncOptions options) {
        SARISyncEngine engine = SARISyncEngine.builder()
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                .tenantStore(store).courseStore(courses).syncLogStore(runs)
                .clock(clock).lock(lock).options(options)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .sleeper(d -> { }).retry(RetryPolicy.none())))
                .build();
        engines.add(engine);
        return engine;
    }

    private void schools(int count) {
        for (int i = 0; i < count; i++) {
            String id = String.format("school-%03d", i);
            SimulatedSchool school = sari.addSchool(id);
            long base = 1000L + i * 10L;
            school.addGroup(CourseType.VKU, "VKU " + id, List.of(
                    PartSpec.of(base, "VKU Teil 1", START.plusDays(10), LOCATION, 12),
                    PartSpec.of(base + 1, "VKU Teil 2", START.plusDays(12), LOCATION, 12)));
            school.addGroup(CourseType.PGS, "PGS " + id, List.of(
                    PartSpec.of(base + 5, "PGS Tag 1", START.plusDays(20), LOCATION, 8)));
            tenants.save(Tenant.of(id, "Fahrschule " + i, sari.baseUri()), school.credentials());
        }
    }

    @Test
    void aWarmRunAsksSariForTwoCourseListsPerSchoolAndNothingElse() {
        schools(50);
        SARISyncEngine engine = engine(tenants, new InMemorySyncLock(clock),
                SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                        .parallelism(8).memberPolicy(MemberPolicy.ALL).build());
        SyncReport cold = engine.syncAll();
        engine.close();
        engines.remove(engine);
        SARISyncEngine warmEngine = engine(tenants, new InMemorySyncLock(clock),
                SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).parallelism(8).build());
        warmEngine.syncAll();
        clock.advance(Duration.ofMinutes(10));
        sari.resetCounters();

        SyncReport warm = warmEngine.syncAll();

        assertThat(cold.total().inserted()).isEqualTo(150);
        assertThat(sari.stats().requests(Operation.COURSE_DETAIL)).isZero();
        assertThat(sari.stats().requests(Operation.TOKEN)).isZero();
        assertThat(sari.stats().requests(Operation.COURSES)).isEqualTo(100);
        assertThat(sari.stats().total()).isEqualTo(100);
        assertThat(warm.total().rowsWritten()).isZero();
        assertThat(warm.total().unchanged()).isEqualTo(150);
    }

    @Test
    void syncDueSpreadsAHundredSchoolsOverTheIntervalAndCatchesUpAMissedRunOnce() {
        schools(100);
        SARISyncEngine engine = engine(tenants, new InMemorySyncLock(clock), SyncOptions.builder()
                .hostPolicy(SariSimulator.hostPolicy()).parallelism(8)
                .defaultInterval(Duration.ofHours(1)).build());
        assertThat(engine.syncDue().results()).hasSize(100);

        Map<String, Integer> runsPerSchool = new ConcurrentHashMap<>();
        int mostAtOnce = 0;
        for (int step = 0; step < 12; step++) {
            clock.advance(Duration.ofMinutes(5));
            SyncReport due = engine.syncDue();
            mostAtOnce = Math.max(mostAtOnce, due.results().size());
            due.results().forEach(r -> runsPerSchool.merge(r.tenantId(), 1, Integer::sum));
        }
        clock.advance(Duration.ofHours(6));
        SyncReport afterDowntime = engine.syncDue();
        clock.advance(Duration.ofMinutes(1));
        SyncReport next = engine.syncDue();

        assertThat(runsPerSchool).hasSize(100).allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(mostAtOnce).isLessThan(25);
        assertThat(afterDowntime.results()).hasSize(100).allSatisfy(r -> {
            assertThat(r.trigger()).isEqualTo(io.github.sarisync.spi.SyncTrigger.CATCH_UP);
            assertThat(r.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        });
        assertThat(next.results()).isEmpty();
    }

    @Test
    void twoEnginesSharingOneLockNeverRunTheSameSchoolAtOnce() throws Exception {
        schools(6);
        OverlapDetector detector = new OverlapDetector(tenants);
        InMemorySyncLock lock = new InMemorySyncLock(clock);
        SARISyncEngine a = engine(detector, lock, SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .instanceId("engine-a").parallelism(4).build());
        SARISyncEngine b = engine(detector, lock, SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .instanceId("engine-b").parallelism(4).build());
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<SyncReport>> reports = new ArrayList<>();
            for (int round = 0; round < 12; round++) {
                reports.add(callers.submit(a::syncAll));
                reports.add(callers.submit(b::syncAll));
            }
            int synced = 0;
            int skipped = 0;
            for (Future<SyncReport> report : reports) {
                for (TenantSyncResult r : report.get(60, TimeUnit.SECONDS).results()) {
                    if (r.outcome() == SyncOutcome.SUCCESS) {
                        synced++;
                    } else if (r.outcome() == SyncOutcome.SKIPPED) {
                        skipped++;
                    }
                }
            }
            assertThat(detector.overlaps).hasValue(0);
            assertThat(synced).isEqualTo(detector.runs.get()).isPositive();
            assertThat(synced + skipped).isEqualTo(12 * 2 * 6);
        } finally {
            callers.shutdownNow();
        }
    }

    /** A school runs from reading its credentials (after the lease) to writing its state (before release). */
    private static final class OverlapDetector implements TenantStore {
        private final TenantStore delegate;
        private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();

        OverlapDetector(TenantStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public SariCredentials credentials(String tenantId) {
            runs.incrementAndGet();
            if (running.computeIfAbsent(tenantId, t -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            return delegate.credentials(tenantId);
        }

        @Override
        public void updateState(String tenantId, TenantState state, io.github.sarisync.spi.Lease lease) {
            running.get(tenantId).decrementAndGet();
            delegate.updateState(tenantId, state, lease);
        }

        @Override
        public List<Tenant> findEnabled() {
            return delegate.findEnabled();
        }

        @Override
        public List<Tenant> findAll() {
            return delegate.findAll();
        }

        @Override
        public Optional<Tenant> find(String tenantId) {
            return delegate.find(tenantId);
        }

        @Override
        public void save(Tenant tenant, SariCredentials credentials) {
            delegate.save(tenant, credentials);
        }

        @Override
        public void setFlags(String tenantId, boolean enabled, boolean paused) {
            delegate.setFlags(tenantId, enabled, paused);
        }

        @Override
        public boolean delete(String tenantId) {
            return delegate.delete(tenantId);
        }
    }
}
