package io.github.sarisync.jdbc.reliability;

import com.zaxxer.hikari.HikariDataSource;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 4 of issue 11: three application instances (engines with pools of their own) call
 * {@code syncDue} in a loop on one PostgreSQL database while a shared clock moves through three
 * sync intervals: no tenant is ever synced by two at once, every tenant is synced once per
 * interval (not twice, not skipped), and no row is stored twice.
 */
class ConcurrentInstancesTest {
    private static final int SCHOOLS = 30;
    private static final int ENGINES = 3;
    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final int INTERVALS = 3;

    private final SariSimulator sari = SariSimulator.start();
    private final ReliabilityDatabase db = ReliabilityDatabase.create();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
        sari.close();
        db.close();
    }

    @Test
    void instancesRunningSyncDueTogetherSyncEveryTenantOncePerIntervalAndNeverTwiceAtOnce() throws Exception {
        List<SimulatedSchool> schools = SchoolGenerator.builder().schools(SCHOOLS).vku(2, 2).pgs(1, 2)
                .membersPerPart(2).seed(4).build().populate(sari);
        db.registerTenants(sari, schools);
        SimulatorClock clock = SimulatorClock.fixed(sari.clock().instant());
        Instant start = clock.instant();
        RunRecorder recorder = new RunRecorder();
        List<SARISyncEngine> engines = new ArrayList<>();
        for (int e = 0; e < ENGINES; e++) {
            engines.add(engine("instance-" + e, clock, recorder));
        }

        List<SyncReport> reports = new CopyOnWriteArrayList<>();
        try (Ticker ticker = new Ticker(engines, reports)) {
            int ticks = (int) (INTERVAL.multipliedBy(INTERVALS).toMillis() / STEP.toMillis());
            for (int tick = 1; tick <= ticks; tick++) {
                ticker.awaitSettled();
                clock.advance(STEP);
                ticker.next();
            }
            ticker.awaitSettled();
            assertThat(ticker.errors()).as("what the engines threw").isEmpty();
        } finally {
            engines.forEach(SARISyncEngine::close);
        }

        assertThat(recorder.overlaps()).as("tenants synced by two instances at once").isEmpty();
        assertThat(recorder.unleasedCalls()).as("store calls without the tenant's lease").isEmpty();
        List<TenantSyncResult> results = reports.stream().flatMap(r -> r.results().stream()).toList();
        assertThat(results).filteredOn(r -> r.outcome() != SyncOutcome.SKIPPED)
                .allSatisfy(r -> assertThat(r.outcome()).as(r.tenantId() + ": " + r.errorMessage())
                        .isEqualTo(SyncOutcome.SUCCESS));
        assertThat(results).filteredOn(r -> r.outcome() == SyncOutcome.SKIPPED).as("the instances did compete")
                .isNotEmpty();
        Map<String, List<Instant>> syncs = results.stream().filter(r -> r.outcome() == SyncOutcome.SUCCESS)
                .collect(Collectors.groupingBy(TenantSyncResult::tenantId,
                        Collectors.mapping(TenantSyncResult::startedAt, Collectors.toList())));
        assertThat(syncs).as("tenants synced").hasSize(SCHOOLS);
        // the first sync at the start, then one in each interval that passed: its slot comes once per interval
        syncs.forEach((tenant, at) -> assertThat(at).as("syncs of %s (from %s)", tenant, start)
                .hasSize(1 + INTERVALS).doesNotHaveDuplicates());
        assertThat(results).filteredOn(r -> r.outcome() == SyncOutcome.SUCCESS).extracting(TenantSyncResult::trigger)
                .containsOnly(SyncTrigger.SCHEDULED);
        assertThat(recorder.holdCount()).as("leases held = runs that synced or found the tenant synced already")
                .isGreaterThanOrEqualTo(SCHOOLS * (1 + INTERVALS));

        SimulatorMirror mirror = SimulatorMirror.of(db.jdbc());
        assertThat(mirror.mismatches(schools)).isEmpty();
        assertThat(mirror.duplicates()).isEmpty();
        assertThat(db.number("SELECT COUNT(*) FROM sari_sync_runs WHERE status = 'SUCCEEDED'"))
                .as("run-log entries of syncs").isEqualTo((long) SCHOOLS * (1 + INTERVALS));
        assertThat(db.number("SELECT COUNT(*) FROM sari_sync_runs WHERE status IN ('STARTED', 'FAILED', 'ABANDONED')"))
                .isZero();
    }

    private SARISyncEngine engine(String name, SimulatorClock clock, RunRecorder recorder) {
        HikariDataSource pool = db.newPool(name, 4);
        pools.add(pool);
        SariJdbc jdbc = db.jdbcOn(pool);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return SARISyncEngine.builder()
                .tenantStore(jdbc.tenantStore())
                .courseStore(recorder.courseStore(name, jdbc.courseStore()))
                .syncLogStore(jdbc.syncLogStore())
                .lock(recorder.lock(name, jdbc.syncLock()))
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                .clock(clock)
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .instanceId(name).parallelism(2).defaultInterval(INTERVAL).build())
                .build();
    }

    /**
     * Runs each engine's {@code syncDue} loop on a thread of its own: every engine calls it once per
     * tick of the clock, all at the same moment; the test moves the clock on only when every engine
     * has finished its call of the current tick, so no slot is passed over by the test's own speed.
     */
    private static final class Ticker implements AutoCloseable {
        /** Only against a hang: the engines normally settle in well under a second. */
        private static final long GIVE_UP_NANOS = Duration.ofSeconds(120).toNanos();

        private final int[] settled;
        private final List<Throwable> errors = new CopyOnWriteArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private int tick;
        private boolean stopped;

        Ticker(List<SARISyncEngine> engines, List<SyncReport> reports) {
            settled = new int[engines.size()];
            Arrays.fill(settled, -1);
            for (int e = 0; e < engines.size(); e++) {
                int index = e;
                SARISyncEngine engine = engines.get(e);
                Thread thread = new Thread(() -> loop(index, engine, reports), "instance-" + e);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void loop(int index, SARISyncEngine engine, List<SyncReport> reports) {
            int seen = -1;
            try {
                for (int current = awaitTickAfter(seen); current >= 0; current = awaitTickAfter(seen)) {
                    reports.add(engine.syncDue());
                    seen = current;
                    settle(index, current);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                errors.add(e);
                settle(index, Integer.MAX_VALUE);
            }
        }

        private synchronized int awaitTickAfter(int seen) throws InterruptedException {
            while (!stopped && tick == seen) {
                wait();
            }
            return stopped ? -1 : tick;
        }

        private synchronized void settle(int index, int at) {
            settled[index] = at;
            notifyAll();
        }

        synchronized void awaitSettled() throws InterruptedException {
            long deadline = System.nanoTime() + GIVE_UP_NANOS;
            while (Arrays.stream(settled).anyMatch(s -> s < tick)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the engines did not finish tick " + tick + " in time");
                }
                wait(left / 1_000_000 + 1);
            }
        }

        synchronized void next() {
            tick++;
            notifyAll();
        }

        List<Throwable> errors() {
            return errors;
        }

        @Override
        public void close() throws InterruptedException {
            synchronized (this) {
                stopped = true;
                notifyAll();
            }
            for (Thread thread : threads) {
                thread.join(GIVE_UP_NANOS / 1_000_000);
            }
        }
    }
}
