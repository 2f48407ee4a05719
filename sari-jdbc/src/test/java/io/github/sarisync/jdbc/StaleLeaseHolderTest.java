package io.github.sarisync.jdbc;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.ForwardingCourseStore;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A holder stalls inside its write (GC pause, stalled connection) until its lease has expired and
 * another engine has taken the tenant over and synced it: when the stalled write goes on, the
 * database refuses it and nothing of it lands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleLeaseHolderTest {
    private final Map<Dialect, TestDatabase> databases = new EnumMap<>(Dialect.class);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SariSimulator sari;
    private SARISyncEngine stale;
    private SARISyncEngine taker;

    @AfterEach
    void closeEngines() {
        if (stale != null) {
            stale.close();
            taker.close();
        }
        if (sari != null) {
            sari.close();
        }
    }

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aStalledHoldersWriteAfterATakeoverIsRefusedAndItsRunEndsLeaseLost(Dialect dialect) throws Exception {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        db.clear();
        sari = SariSimulator.start();
        SimulatedSchool school = SchoolGenerator.builder().schools(1).vku(1, 3).pgs(1, 2).membersPerPart(1).seed(7)
                .build().populate(sari).get(0);
        db.jdbc().tenantStore().save(Tenant.of(school.id(), "School", sari.baseUri()), school.credentials());
        long part = school.courses(CourseType.VKU).get(0).courses().get(0).id();
        StallingStore stalling = new StallingStore(db.jdbc().courseStore());
        stale = engine(db, stalling, "node-a");
        taker = engine(db, db.jdbc().courseStore(), "node-b");

        CompletableFuture<TenantSyncResult> staleRun = CompletableFuture.supplyAsync(() -> stale.syncTenant(school.id()));
        assertThat(stalling.stalled.await(30, TimeUnit.SECONDS)).as("the first engine reached its write").isTrue();
        school.setFreePlaces(part, 0);
        db.letLeaseTimePass(Duration.ofMinutes(10));
        Instant beforeTakeover = Clock.systemUTC().instant();
        TenantSyncResult takeover = taker.syncTenant(school.id());
        stalling.resume.countDown();
        TenantSyncResult lost = staleRun.get(30, TimeUnit.SECONDS);

        assertThat(takeover.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(lost.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(lost.errorCode()).isEqualTo("LEASE_LOST");
        assertThat(lost.refusedWrites()).isOne();
        assertThat(db.jdbc().courseStore().findCourses(CourseQuery.tenant(school.id())))
                .filteredOn(c -> c.partId() == part).singleElement()
                .satisfies(c -> assertThat(c.freePlaces()).as("the taker's value stays").isZero());
        TenantState state = db.jdbc().tenantStore().find(school.id()).orElseThrow().state();
        assertThat(state.lastSuccessAt()).as("the taker's start, in the engines' clock")
                .isAfterOrEqualTo(beforeTakeover);
        assertThat(db.jdbc().syncLogStore().recentRuns(school.id(), 10))
                .extracting(r -> r.runId() + " " + r.status() + " " + r.errorCode())
                .containsExactlyInAnyOrder(takeover.runId() + " SUCCEEDED null", lost.runId() + " FAILED LEASE_LOST");
    }

    private SARISyncEngine engine(TestDatabase db, CourseStore courses, String instanceId) {
        SariJdbc jdbc = db.jdbc();
        return SARISyncEngine.builder().tenantStore(jdbc.tenantStore()).courseStore(courses)
                .syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock())
                .clientFactory(SariClientFactory.customized(b -> b.httpClient(http).rateLimit(RateLimit.unlimited())))
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).instanceId(instanceId).build())
                .build();
    }

    /** The database's course store whose first apply waits before writing until the test lets it go on. */
    private static final class StallingStore extends ForwardingCourseStore {
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        StallingStore(CourseStore store) {
            super(store);
        }

        @Override
        public void apply(ChangeSet changes, Lease lease) {
            if (stalled.getCount() > 0) {
                stalled.countDown();
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.apply(changes, lease);
        }
    }
}
