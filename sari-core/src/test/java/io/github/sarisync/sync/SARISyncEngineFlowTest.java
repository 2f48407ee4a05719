package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One tenant synced end to end against a minimal SARI: what is written, when, and what is reported. */
class SARISyncEngineFlowTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String GROUP = "{\"name\":\"VKU März\",\"date\":\"2026-03-20 00:00\",\"courses\":[%s]}";

    private final TestClock clock = new TestClock(T0);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final CountingCourseStore courses = new CountingCourseStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private TinySari sari;
    private SARISyncEngine engine;

    @BeforeEach
    void start() throws IOException {
        sari = new TinySari();
        tenants.save(Tenant.of("tenant-1", "Fahrschule Eins", sari.baseUri()),
                new SariCredentials("client", "client-secret", "school", "school-password"));
        engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(tenants).courseStore(courses).syncLogStore(runs).clock(clock)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();
    }

    @AfterEach
    void stop() {
        engine.close();
        sari.close();
    }

    private static String part(long id, String date, int freePlaces) {
        return "{\"id\":" + id + ",\"name\":\"VKU Teil " + id + "\",\"date\":\"" + date + "\",\"address\":{\"name\":"
                + "\"Fahrschule Muster\",\"address\":\"Bahnhofstrasse 1\",\"zip\":8001,\"city\":\"Zürich\"},"
                + "\"freeplaces\":" + freePlaces + "}";
    }

    private void vku(String... parts) {
        sari.ok("/courses/VKU", "[" + GROUP.formatted(String.join(",", parts)) + "]");
    }

    private void members(long partId, String... members) {
        sari.ok("/coursedetail/" + partId, "[" + String.join(",", members) + "]");
    }

    private static String member(String faberId, String confirmed) {
        return "{\"faberid\":\"" + faberId + "\",\"firstname\":\"Anna\",\"lastname\":\"Muster\","
                + "\"birthdate\":\"2004-05-17\",\"confirmed\":" + (confirmed == null ? "null" : "\"" + confirmed
                + "\"") + "}";
    }

    private void fourParts() {
        vku(part(61, "2026-03-20 08:00", 10), part(62, "2026-03-21 08:00", 10), part(63, "2026-03-22 08:00", 10),
                part(64, "2026-03-23 08:00", 10));
        for (long id = 61; id <= 64; id++) {
            members(id, member("001234567", null));
        }
    }

    @Test
    void aFirstRunInsertsThePartsAndTheirMembersAndASecondRunWithoutChangeWritesNothing() {
        fourParts();

        TenantSyncResult first = engine.syncTenant("tenant-1");
        clock.advance(Duration.ofMinutes(30));
        int appliesBefore = courses.applies.get();
        TenantSyncResult second = engine.syncTenant("tenant-1");

        assertThat(first.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(first.counts()).containsOnlyKeys(CourseType.VKU);
        assertThat(first.counts(CourseType.VKU)).isEqualTo(new SyncCounts(4, 0, 0, 0, 0, 4, 0, 0));
        assertThat(courses.findMembers("tenant-1", 61)).singleElement()
                .satisfies(m -> assertThat(m.canonicalFaberId()).isEqualTo("1234567"));
        assertThat(second.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(second.counts(CourseType.VKU)).isEqualTo(new SyncCounts(0, 0, 4, 0, 0, 0, 0, 0));
        assertThat(courses.applies.get()).isEqualTo(appliesBefore);
        assertThat(sari.calls("/api/courseregistration/coursedetail/61")).isOne();
        assertThat(sari.calls("/oauth/v2/token")).isOne();
        assertThat(tenants.find("tenant-1").orElseThrow().state().lastSuccessAt()).isEqualTo(T0.plus(
                Duration.ofMinutes(30)));
        assertThat(runs.recentRuns("tenant-1", 5)).extracting(r -> r.status())
                .containsExactly(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED);
    }

    @Test
    void aSchoolWithoutPgsIsNoFailure() {
        fourParts();

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(result.counts()).doesNotContainKey(CourseType.PGS);
        assertThat(runs.recentRuns("tenant-1", 1).get(0).detail()).contains("PGS not enabled");
    }

    @Test
    void anEmptyListAfterAFullOneCancelsNothingAndTheRunIsPartial() {
        fourParts();
        engine.syncTenant("tenant-1");
        sari.ok("/courses/VKU", "[]");

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.warnings()).containsExactly("SARI listed 0 of 4 future VKU parts; cancellation held back");
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).extracting(StoredCourse::status)
                .containsOnly(CourseStatus.ACTIVE);
        assertThat(runs.recentRuns("tenant-1", 1).get(0).detail()).contains("cancellation held back");
    }

    @Test
    void aMalformedRecordIsRejectedWhileTheRestApplies() {
        vku(part(61, "2026-03-20 08:00", 10), part(62, "20.03.2026", 10));
        members(61);

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts(CourseType.VKU).inserted()).isOne();
        assertThat(result.counts(CourseType.VKU).rejected()).isOne();
        assertThat(result.warnings()).singleElement().asString().contains("part 62");
        assertThat(runs.recentRuns("tenant-1", 1).get(0).detail()).contains("part 62");
    }

    @Test
    void membersAreAddedConfirmedAndRemovedNeverDeleted() {
        vku(part(61, "2026-03-20 08:00", 10));
        members(61, member("001234567", null), member("007654321", null));
        engine.syncTenant("tenant-1");
        List<StoredMember> removedEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.close();
        engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(tenants).courseStore(courses).syncLogStore(runs).clock(clock)
                .options(SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK).memberPolicy(MemberPolicy.ALL).build())
                .listener(new SyncListener() {
                    @Override
                    public void memberRemoved(StoredMember member) {
                        removedEvents.add(member);
                    }
                })
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();
        members(61, member("1234567", "2026-03-05"));
        clock.advance(Duration.ofHours(1));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.counts(CourseType.VKU).membersRemoved()).isOne();
        assertThat(result.counts(CourseType.VKU).membersAdded()).isZero();
        assertThat(courses.findMembers("tenant-1", 61)).satisfiesExactly(
                anna -> {
                    assertThat(anna.confirmedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
                    assertThat(anna.removedAt()).isNull();
                    assertThat(anna.firstSeenAt()).isEqualTo(T0);
                },
                gone -> assertThat(gone.removedAt()).isEqualTo(T0.plus(Duration.ofHours(1))));
        assertThat(removedEvents).extracting(StoredMember::canonicalFaberId).containsExactly("7654321");
    }

    @Test
    void aStoreFaultMidApplyLeavesTheSnapshotAsBeforeAndTheTenantFailed() {
        fourParts();
        engine.syncTenant("tenant-1");
        List<StoredCourse> before = courses.findCourses(CourseQuery.tenant("tenant-1"));
        vku(part(61, "2026-03-20 08:00", 3), part(62, "2026-03-21 08:00", 3), part(65, "2026-03-24 08:00", 10));
        members(65, member("555", null));
        courses.failNextApply.set(true);
        clock.advance(Duration.ofHours(1));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("STORE_ERROR");
        assertThat(result.errorMessage()).contains("courseStore.apply");
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).isEqualTo(before);
        assertThat(courses.findMembers("tenant-1", 65)).isEmpty();
        var state = tenants.find("tenant-1").orElseThrow().state();
        assertThat(state.lastSuccessAt()).isEqualTo(T0);
        assertThat(state.consecutiveFailures()).isOne();
    }

    @Test
    void aPartDroppedAfterItsStartCompletesAndOneDroppedBeforeItsStartIsCancelled() {
        vku(part(60, "2026-03-03 08:00", 10), part(61, "2026-03-20 08:00", 10), part(62, "2026-03-21 08:00", 10),
                part(63, "2026-03-22 08:00", 10), part(64, "2026-03-23 08:00", 10));
        engine.syncTenant("tenant-1");
        List<StoredCourse> changed = new java.util.concurrent.CopyOnWriteArrayList<>();
        listen(new SyncListener() {
            @Override
            public void courseStatusChanged(StoredCourse course) {
                changed.add(course);
            }
        });
        vku(part(61, "2026-03-20 08:00", 10), part(62, "2026-03-21 08:00", 10), part(63, "2026-03-22 08:00", 10));
        clock.advance(Duration.ofDays(2));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(result.counts(CourseType.VKU).completed()).isOne();
        assertThat(result.counts(CourseType.VKU).cancelled()).isOne();
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).extracting(StoredCourse::partId,
                StoredCourse::status).contains(org.assertj.core.groups.Tuple.tuple(60L, CourseStatus.COMPLETED),
                org.assertj.core.groups.Tuple.tuple(64L, CourseStatus.CANCELLED),
                org.assertj.core.groups.Tuple.tuple(61L, CourseStatus.ACTIVE));
        assertThat(changed).extracting(StoredCourse::partId).containsExactlyInAnyOrder(60L, 64L);
    }

    @Test
    void aGroupLosingItsFirstPartKeepsItsKey() {
        vku(part(60, "2026-03-03 08:00", 10), part(61, "2026-03-20 08:00", 10));
        engine.syncTenant("tenant-1");
        String key = courses.findCourses(CourseQuery.tenant("tenant-1")).get(0).groupKey();
        vku(part(61, "2026-03-20 08:00", 10));
        clock.advance(Duration.ofDays(2));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.counts(CourseType.VKU).unchanged()).isOne();
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).extracting(StoredCourse::groupKey)
                .containsOnly(key);
        assertThat(courses.load("tenant-1", CourseType.VKU, clock.instant()).groups()).containsOnlyKeys(key);
    }

    @Test
    void aRunWhoseLeaseIsLostStopsBeforeWritingAndReportsIt() {
        fourParts();
        engine.close();
        io.github.sarisync.memory.InMemorySyncLock realLock = new io.github.sarisync.memory.InMemorySyncLock(clock);
        io.github.sarisync.spi.SyncLock losingLock = new io.github.sarisync.spi.SyncLock() {
            @Override
            public java.util.Optional<io.github.sarisync.spi.Lease> tryAcquire(String name, String owner,
                                                                              Duration lease) {
                return realLock.tryAcquire(name, owner, lease);
            }

            @Override
            public boolean extend(io.github.sarisync.spi.Lease lease, Duration duration) {
                return false;
            }

            @Override
            public void release(io.github.sarisync.spi.Lease lease) {
                realLock.release(lease);
            }
        };
        engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(tenants).courseStore(courses).syncLogStore(runs).clock(clock)
                .lock(losingLock).listener(new SyncListener() {
                    @Override
                    public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
                        clock.advance(Duration.ofMinutes(4));
                    }
                })
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("LEASE_LOST");
        assertThat(courses.applies.get()).isZero();
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).isEmpty();
    }

    @Test
    void aLongRunExtendsItsLeaseAndWritesHeartbeats() {
        fourParts();
        engine.close();
        io.github.sarisync.memory.InMemorySyncLock lock = new io.github.sarisync.memory.InMemorySyncLock(clock);
        List<Instant> heartbeats = new java.util.concurrent.CopyOnWriteArrayList<>();
        InMemorySyncLogStore watched = new InMemorySyncLogStore();
        engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(tenants).courseStore(courses).clock(clock).lock(lock)
                .syncLogStore(new io.github.sarisync.spi.SyncLogStore() {
                    @Override
                    public void started(io.github.sarisync.spi.SyncRun run) {
                        watched.started(run);
                    }

                    @Override
                    public void heartbeat(String runId, Instant at) {
                        heartbeats.add(at);
                        watched.heartbeat(runId, at);
                    }

                    @Override
                    public void finished(io.github.sarisync.spi.SyncRun run, io.github.sarisync.spi.Lease lease) {
                        watched.finished(run, lease);
                    }

                    @Override
                    public int markAbandoned(Instant heartbeatBefore, Instant at) {
                        return watched.markAbandoned(heartbeatBefore, at);
                    }

                    @Override
                    public int purge(Instant startedBefore) {
                        return watched.purge(startedBefore);
                    }

                    @Override
                    public List<io.github.sarisync.spi.SyncRun> recentRuns(String tenantId, int limit) {
                        return watched.recentRuns(tenantId, limit);
                    }

                    @Override
                    public List<io.github.sarisync.spi.SyncRun> lastRunPerTenant() {
                        return watched.lastRunPerTenant();
                    }

                    @Override
                    public List<io.github.sarisync.spi.TenantRunStats> stats(Instant since) {
                        return watched.stats(since);
                    }

                    @Override
                    public List<io.github.sarisync.spi.SyncRun> runningRuns() {
                        return watched.runningRuns();
                    }
                })
                .listener(new SyncListener() {
                    @Override
                    public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
                        clock.advance(Duration.ofMinutes(4));
                    }
                })
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(heartbeats).containsExactly(T0.plus(Duration.ofMinutes(4)));
        assertThat(lock.tryAcquire("tenant:tenant-1", "another-instance", Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void aCourseDetailThatFailsForOnePartKeepsTheRestAndTheRunIsPartial() {
        fourParts();
        sari.status("/coursedetail/62", "COURSE_NOT_FOUND");

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts(CourseType.VKU).inserted()).isEqualTo(4);
        assertThat(result.counts(CourseType.VKU).membersAdded()).isEqualTo(3);
        assertThat(result.warnings()).containsExactly("VKU part 62: members not synced (COURSE_NOT_FOUND)");
        assertThat(courses.findMembers("tenant-1", 62)).isEmpty();
        assertThat(tenants.find("tenant-1").orElseThrow().state().lastSuccessAt()).isEqualTo(T0);
    }

    private void listen(SyncListener listener) {
        engine.close();
        engine = SARISyncEngine.builder().options(TestHosts.loopbackOptions())
                .tenantStore(tenants).courseStore(courses).syncLogStore(runs).clock(clock)
                .listener(listener)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();
    }

    /** Counts applies, and fails the next one part-way when told to. */
    private static final class CountingCourseStore extends InMemoryCourseStore {
        final AtomicInteger applies = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean failNextApply = new java.util.concurrent.atomic.AtomicBoolean();
        private final AtomicInteger staged = new AtomicInteger();

        @Override
        public void apply(ChangeSet changes, io.github.sarisync.spi.Lease lease) {
            applies.incrementAndGet();
            staged.set(0);
            super.apply(changes, lease);
        }

        @Override
        protected void staging(Object row) {
            if (staged.incrementAndGet() == 3 && failNextApply.compareAndSet(true, false)) {
                throw new IllegalStateException("connection lost");
            }
        }
    }
}
