package io.github.sarisync.sync;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.testkit.Fault;
import io.github.sarisync.testkit.FaultRule;
import io.github.sarisync.testkit.Operation;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The engine against the SARI simulator with the in-memory adapters; the engine and the simulator
 * share one clock, so tests move time for both.
 */
class SimulatorSyncTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);
    private static final CourseLocation LOCATION = new CourseLocation("Fahrschule Muster", "Bahnhofstrasse 1",
            "8001", "Zürich");

    private final SimulatorClock clock = SimulatorClock.fixed(START);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(SariSimulator.hostPolicy());
    private final CountingStore courses = new CountingStore();
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private SariSimulator sari;
    private SARISyncEngine engine;

    @BeforeEach
    void start() {
        sari = SariSimulator.builder().clock(clock).start();
        engine = engine(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build());
    }

    @AfterEach
    void stop() {
        engine.close();
        sari.close();
    }

    private SARISyncEngine engine(SyncOptions options) {
        return SARISyncEngine.builder().options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                .tenantStore(tenants).courseStore(courses).syncLogStore(runs).clock(clock)
                .options(options)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .sleeper(d -> { })
                        .retry(RetryPolicy.builder().maxRetries(2).initialDelay(Duration.ofMillis(1)).build())))
                .build();
    }

    private SimulatedSchool school(String id) {
        SimulatedSchool school = sari.addSchool(id);
        tenants.save(Tenant.of(id, "Fahrschule " + id, sari.baseUri()), school.credentials());
        return school;
    }

    private static PartSpec part(long id, int daysFromStart) {
        return PartSpec.of(id, "VKU Teil " + id, START.plusDays(daysFromStart).withHour(18), LOCATION, 12);
    }

    /** A school with one VKU group of four parts starting in 1, 3, 5 and 7 days. */
    private SimulatedSchool schoolWithVku(String id, long firstPart) {
        SimulatedSchool school = school(id);
        school.addGroup(CourseType.VKU, "VKU " + id, List.of(part(firstPart, 1), part(firstPart + 1, 3),
                part(firstPart + 2, 5), part(firstPart + 3, 7)));
        return school;
    }

    @Test
    void aSecondRunWithoutChangeWritesNothing() {
        schoolWithVku("school-a", 61);

        TenantSyncResult first = engine.syncTenant("school-a");
        clock.advance(Duration.ofMinutes(10));
        int applies = courses.applies.get();
        TenantSyncResult second = engine.syncTenant("school-a");

        assertThat(first.counts(CourseType.VKU).inserted()).isEqualTo(4);
        assertThat(second.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(second.counts(CourseType.VKU)).isEqualTo(new SyncCounts(0, 0, 4, 0, 0, 0, 0, 0));
        assertThat(courses.applies.get()).isEqualTo(applies);
    }

    @Test
    void aPartDroppedFromThePastCompletesAndACancelledFutureGroupCancels() {
        SimulatedSchool school = schoolWithVku("school-a", 61);
        school.addGroup(CourseType.VKU, "VKU April", List.of(part(71, 30), part(72, 31)));
        engine.syncTenant("school-a");

        clock.advance(Duration.ofDays(2));
        school.dropPastParts();
        school.cancelGroup(CourseType.VKU, "VKU April");
        TenantSyncResult result = engine.syncTenant("school-a");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(result.counts(CourseType.VKU).completed()).isOne();
        assertThat(result.counts(CourseType.VKU).cancelled()).isEqualTo(2);
        assertThat(courses.findCourses(CourseQuery.tenant("school-a"))).extracting(StoredCourse::partId,
                StoredCourse::status).contains(tuple(61L, CourseStatus.COMPLETED), tuple(71L, CourseStatus.CANCELLED),
                tuple(72L, CourseStatus.CANCELLED), tuple(62L, CourseStatus.ACTIVE));
    }

    @Test
    void aGroupLosingItsFirstPartKeepsItsKey() {
        SimulatedSchool school = schoolWithVku("school-a", 61);
        engine.syncTenant("school-a");
        String key = courses.findCourses(CourseQuery.tenant("school-a")).get(0).groupKey();

        for (int day = 0; day < 3; day++) {
            clock.advance(Duration.ofDays(2));
            school.dropPastParts();
            engine.syncTenant("school-a");
        }

        assertThat(courses.findCourses(CourseQuery.tenant("school-a"))).extracting(StoredCourse::groupKey)
                .containsOnly(key);
        assertThat(courses.findCourses(CourseQuery.tenant("school-a").withStatus(CourseStatus.ACTIVE)))
                .extracting(StoredCourse::partId).containsExactly(64L);
    }

    @Test
    void anEmptyFeedAfterAFullOneCancelsNothingAndTheRunIsPartial() {
        schoolWithVku("school-a", 61);
        engine.syncTenant("school-a");
        sari.inject(FaultRule.of(Fault.emptyCourses()).school("school-a").operation(Operation.COURSES).always());

        TenantSyncResult result = engine.syncTenant("school-a");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.warnings()).contains("SARI listed 0 of 4 future VKU parts; cancellation held back");
        assertThat(courses.findCourses(CourseQuery.tenant("school-a"))).extracting(StoredCourse::status)
                .containsOnly(CourseStatus.ACTIVE);
        assertThat(runs.recentRuns("school-a", 1)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.PARTIAL));
    }

    @Test
    void wrongCredentialsAndAServerFailingForeverFailOnlyTheirSchoolsWhileThreeOthersSucceed() {
        schoolWithVku("school-a", 61);
        schoolWithVku("school-b", 71);
        schoolWithVku("school-c", 81);
        SimulatedSchool refused = schoolWithVku("school-refused", 91);
        tenants.save(tenants.find("school-refused").orElseThrow(), new SariCredentials(
                refused.credentials().clientId(), refused.credentials().clientSecret(),
                refused.credentials().username(), "wrong-password"));
        schoolWithVku("school-down", 101);
        sari.inject(FaultRule.of(Fault.httpStatus(500)).school("school-down").always());
        TenantState earlier = new TenantState(clock.instant().minusSeconds(7200), clock.instant().minusSeconds(7200),
                RunStatus.SUCCEEDED, 0, null, null);
        tenants.updateState("school-down", earlier);

        SyncReport report = engine.syncAll();

        assertThat(report.success()).isFalse();
        assertThat(report.tenantsProcessed()).isEqualTo(5);
        assertThat(report.failedTenants()).extracting(FailedTenant::tenantId)
                .containsExactly("school-down", "school-refused");
        Map<String, TenantSyncResult> byId = new HashMap<>();
        report.results().forEach(r -> byId.put(r.tenantId(), r));
        assertThat(byId.get("school-refused").errorCode()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(byId.get("school-down").errorCode()).isEqualTo("SERVER_ERROR");
        assertThat(report.failedTenants()).allSatisfy(f -> assertThat(f.error()).doesNotContain("wrong-password"));
        assertThat(List.of("school-a", "school-b", "school-c")).allSatisfy(id -> {
            assertThat(byId.get(id).outcome()).isEqualTo(SyncOutcome.SUCCESS);
            assertThat(byId.get(id).counts(CourseType.VKU).inserted()).isEqualTo(4);
        });
        TenantState down = tenants.find("school-down").orElseThrow().state();
        assertThat(down.lastSuccessAt()).isEqualTo(earlier.lastSuccessAt());
        assertThat(down.consecutiveFailures()).isOne();
        assertThat(down.lastOutcome()).isEqualTo(RunStatus.FAILED);
        assertThat(tenants.find("school-refused").orElseThrow().state().lastSuccessAt()).isNull();
    }

    @Test
    void membersAreAddedConfirmedAndRemoved() {
        SimulatedSchool school = schoolWithVku("school-a", 61);
        sari.addStudent(student("1234567"));
        sari.addStudent(student("7654321"));
        school.addMember(61, "1234567");
        school.addMember(61, "7654321");
        engine.close();
        engine = engine(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy())
                .memberPolicy(MemberPolicy.ALL).build());
        TenantSyncResult first = engine.syncTenant("school-a");

        school.confirmMember(61, "1234567", LocalDate.of(2026, 3, 2));
        school.removeMember(61, "7654321");
        clock.advance(Duration.ofMinutes(10));
        TenantSyncResult second = engine.syncTenant("school-a");

        assertThat(first.counts(CourseType.VKU).membersAdded()).isEqualTo(2);
        assertThat(second.counts(CourseType.VKU).membersRemoved()).isOne();
        assertThat(courses.findMembers("school-a", 61)).satisfiesExactly(
                anna -> assertThat(anna.confirmedOn()).isEqualTo(LocalDate.of(2026, 3, 2)),
                gone -> assertThat(gone.removedAt()).isEqualTo(clock.instant()));
    }

    @Test
    void aMalformedCourseListFailsThatTypeOnlyAndTheNextRunRecovers() {
        SimulatedSchool school = schoolWithVku("school-a", 61);
        school.addGroup(CourseType.PGS, "PGS März", List.of(PartSpec.of(201, "PGS Tag 1", START.plusDays(4),
                LOCATION, 6)));
        sari.inject(FaultRule.of(Fault.malformedJson()).school("school-a").operation(Operation.COURSES).times(1));

        TenantSyncResult broken = engine.syncTenant("school-a");
        clock.advance(Duration.ofMinutes(10));
        TenantSyncResult next = engine.syncTenant("school-a");

        assertThat(broken.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(broken.errorCode()).isEqualTo("MALFORMED_RESPONSE");
        assertThat(broken.counts()).containsOnlyKeys(CourseType.PGS);
        assertThat(tenants.find("school-a").orElseThrow().state().lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(next.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(next.counts(CourseType.VKU).inserted()).isEqualTo(4);
        assertThat(next.counts(CourseType.PGS).unchanged()).isOne();
    }

    @Test
    void aSchoolWithoutPgsIsNoFailure() {
        SimulatedSchool school = schoolWithVku("school-a", 61);
        school.setTypeEnabled(CourseType.PGS, false);

        TenantSyncResult result = engine.syncTenant("school-a");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(result.counts()).containsOnlyKeys(CourseType.VKU);
    }

    private static Customer student(String faberId) {
        return new Customer(faberId, LocalDate.of(2004, 5, 17), "Anna", "Muster", "Weg 1", "8001", "Zürich",
                List.of());
    }

    /** Counts the applies that reach the store. */
    private static final class CountingStore extends io.github.sarisync.memory.InMemoryCourseStore {
        final AtomicInteger applies = new AtomicInteger();

        @Override
        public void apply(ChangeSet changes) {
            applies.incrementAndGet();
            super.apply(changes);
        }
    }
}
