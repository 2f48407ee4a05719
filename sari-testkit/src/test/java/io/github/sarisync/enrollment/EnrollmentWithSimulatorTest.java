package io.github.sarisync.enrollment;

import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemoryEnrollmentOutbox;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
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
import java.util.List;
import java.util.stream.LongStream;

import static io.github.sarisync.enrollment.PartOutcome.ALREADY_ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.COMPENSATED;
import static io.github.sarisync.enrollment.PartOutcome.ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.FAILED;
import static io.github.sarisync.enrollment.PartOutcome.NOT_ATTEMPTED;
import static io.github.sarisync.enrollment.PartOutcome.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrolment service wired as a host wires it (clients from the engine, stores in memory)
 * against the SARI simulator, whose clock is also the service's.
 */
class EnrollmentWithSimulatorTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2027, 3, 1, 10, 0);
    private static final String FABER_ID = "1234567";
    private static final LocalDate BIRTHDATE = LocalDate.of(2006, 5, 14);
    private static final Student ANNA = Student.of("001234567", BIRTHDATE);
    private static final CourseLocation HALL = new CourseLocation("Verkehrsschule", "Weg 1", "3000", "Bern");

    private SimulatorClock clock;
    private SariSimulator sari;
    private SimulatedSchool school;
    private SARISyncEngine engine;
    private InMemoryEnrollmentOutbox outbox;
    private InMemorySyncLogStore runLog;
    private InMemoryCourseStore courses;
    private EnrollmentService service;

    @BeforeEach
    void start() {
        clock = SimulatorClock.fixed(NOW);
        sari = SariSimulator.builder().clock(clock).start();
        school = sari.addSchool("muster");
        sari.addStudent(customer(FABER_ID, new License("B", LocalDate.of(2030, 1, 1))));
        school.addGroup(CourseType.VKU, "VKU März", parts(61, NOW.plusDays(9).withHour(18)));
        school.addGroup(CourseType.VKU, "VKU April", parts(71, NOW.plusDays(30).withHour(18)));
        school.addGroup(CourseType.PGS, "PGS März", parts(81, NOW.plusDays(9).withHour(8)));
        InMemoryTenantStore tenants = new InMemoryTenantStore(SariSimulator.hostPolicy());
        tenants.save(Tenant.of("school-1", "Fahrschule Muster", sari.baseUri()), school.credentials());
        runLog = new InMemorySyncLogStore();
        courses = new InMemoryCourseStore();
        engine = SARISyncEngine.builder().options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                .tenantStore(tenants).courseStore(courses)
                .syncLogStore(runLog).clock(clock)
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none())))
                .build();
        outbox = new InMemoryEnrollmentOutbox();
        service = EnrollmentService.builder().clients(engine::clientFor).courseStore(courses).syncLogStore(runLog)
                .outbox(outbox).clock(clock).build();
    }

    @AfterEach
    void stop() {
        engine.close();
        sari.close();
    }

    private static Customer customer(String faberId, License... licences) {
        return new Customer(faberId, BIRTHDATE, "Anna", "Muster", "Weg 1", "3000", "Bern", List.of(licences));
    }

    private static List<PartSpec> parts(long firstId, LocalDateTime firstStart) {
        return LongStream.range(0, 4).mapToObj(i -> PartSpec.of(firstId + i, "Teil " + (i + 1),
                firstStart.plusDays(i), HALL, 12)).toList();
    }

    private CourseSelection group(CourseType type, long firstId) {
        return CourseSelection.of(type, school.courses(type).stream()
                .filter(g -> g.courses().get(0).id() == firstId).findFirst().orElseThrow());
    }

    private List<Long> memberOf(long... ids) {
        return LongStream.of(ids).filter(id -> school.members(id).stream()
                .anyMatch(m -> m.faberId().endsWith(FABER_ID))).boxed().toList();
    }

    @Test
    void enrolsInTheWholeCourseAndAgainWithoutChange() {
        EnrollmentResult first = service.enroll("school-1", ANNA, group(CourseType.VKU, 61));
        EnrollmentResult again = service.enroll("school-1", ANNA, group(CourseType.VKU, 61));

        assertThat(first.courseIds(ENROLLED)).containsExactly(61L, 62L, 63L, 64L);
        assertThat(again.courseIds(ALREADY_ENROLLED)).containsExactly(61L, 62L, 63L, 64L);
        assertThat(again.succeeded()).isTrue();
        assertThat(memberOf(61, 62, 63, 64)).hasSize(4);
        SyncRun run = runLog.recentRuns("school-1", 10).get(1);
        assertThat(run.operation()).isEqualTo("ENROLL");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.detail()).contains("****567").doesNotContain(FABER_ID, "2006-05-14", "Anna");
    }

    @Test
    void aFullPartInTheMiddleIsCompensatedOrLeftByChoice() {
        school.setFreePlaces(63, 0);

        EnrollmentResult compensated = service.enroll("school-1", ANNA, group(CourseType.VKU, 61),
                FailurePolicy.COMPENSATE);
        assertThat(compensated.status()).isEqualTo(EnrollmentStatus.ROLLED_BACK);
        assertThat(compensated.parts()).extracting(PartResult::outcome)
                .containsExactly(COMPENSATED, COMPENSATED, FAILED, NOT_ATTEMPTED);
        assertThat(compensated.part(63).orElseThrow().errorCode()).isEqualTo("COURSE_NOT_ALLOWED_OR_ENABLED");
        assertThat(memberOf(61, 62, 63, 64)).isEmpty();

        EnrollmentResult left = service.enroll("school-1", ANNA, group(CourseType.VKU, 61), FailurePolicy.LEAVE);
        assertThat(left.status()).isEqualTo(EnrollmentStatus.PARTIAL);
        assertThat(memberOf(61, 62, 63, 64)).containsExactly(61L, 62L);
    }

    @Test
    void transferUndoesItselfWhenANewPartIsFull() {
        service.enroll("school-1", ANNA, group(CourseType.VKU, 61));
        school.setFreePlaces(73, 0);

        EnrollmentResult result = service.transfer("school-1", ANNA, group(CourseType.VKU, 61),
                group(CourseType.VKU, 71));

        assertThat(result.status()).isEqualTo(EnrollmentStatus.ROLLED_BACK);
        assertThat(result.courseIds(COMPENSATED)).containsExactly(71L, 72L);
        assertThat(memberOf(61, 62, 63, 64, 71, 72, 73, 74)).containsExactly(61L, 62L, 63L, 64L);

        school.setFreePlaces(73, 5);
        EnrollmentResult retried = service.transfer("school-1", ANNA, group(CourseType.VKU, 61),
                group(CourseType.VKU, 71));
        assertThat(retried.succeeded()).isTrue();
        assertThat(memberOf(61, 62, 63, 64, 71, 72, 73, 74)).containsExactly(71L, 72L, 73L, 74L);
    }

    @Test
    void aConfirmedRegistrationIsLeftForTheSariPortal() {
        service.enroll("school-1", ANNA, group(CourseType.VKU, 61));
        school.confirmMember(62, FABER_ID, NOW.toLocalDate());

        EnrollmentResult result = service.unenroll("school-1", FABER_ID, group(CourseType.VKU, 61));

        assertThat(result.needsManualAction()).containsExactly(62L);
        assertThat(result.courseIds(PartOutcome.UNENROLLED)).containsExactly(61L, 63L, 64L);
        assertThat(memberOf(61, 62, 63, 64)).containsExactly(62L);
    }

    @Test
    void licenceRulesHoldAtTheirBoundaries() {
        LocalDate lastPgsDay = NOW.plusDays(12).toLocalDate();
        sari.addStudent(customer("555", new License("A1", lastPgsDay)));
        sari.addStudent(customer("556", new License("A1", lastPgsDay.minusDays(1))));

        EnrollmentResult categoryB = service.enroll("school-1", ANNA, group(CourseType.PGS, 81));
        EnrollmentResult onTheDay = service.enroll("school-1", Student.of("555", BIRTHDATE), group(CourseType.PGS, 81));
        EnrollmentResult dayBefore = service.enroll("school-1", Student.of("556", BIRTHDATE),
                group(CourseType.PGS, 81));

        assertThat(categoryB.refusal().reason()).isEqualTo(Refusal.Reason.NO_SUITABLE_LICENCE);
        assertThat(onTheDay.courseIds(ENROLLED)).containsExactly(81L, 82L, 83L, 84L);
        assertThat(dayBefore.refusal().reason()).isEqualTo(Refusal.Reason.LICENCE_EXPIRES_BEFORE_LAST_PART);
        assertThat(school.members(81)).hasSize(1);
    }

    @Test
    void theOutboxRetriesThroughAnOutageAndStopsOnAPermanentError() {
        sari.inject(FaultRule.of(Fault.internalServerError()).operation(Operation.ENROLL).always());
        EnrollmentResult result = service.enroll("school-1", ANNA, group(CourseType.VKU, 61));
        assertThat(result.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(result.courseIds(QUEUED)).containsExactly(61L, 62L, 63L, 64L);

        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(4, 0, 4, 0));
        sari.clearFaults();
        school.setFreePlaces(64, 0);
        assertThat(service.processOutbox().attempted()).as("nothing due before the backoff has passed").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(4, 3, 0, 1));

        assertThat(memberOf(61, 62, 63, 64)).containsExactly(61L, 62L, 63L);
        OutboxEntry full = outbox.find(result.part(64).orElseThrow().outboxEntryId()).orElseThrow();
        assertThat(full.state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
        assertThat(full.lastErrorCode()).isEqualTo("COURSE_NOT_ALLOWED_OR_ENABLED");
        clock.advance(Duration.ofDays(1));
        assertThat(service.processOutbox().attempted()).isZero();
    }

    @Test
    void enrolsInACourseGroupTheEngineSynced() {
        engine.syncTenant("school-1");
        String groupKey = courses.findCourses(CourseQuery.tenant("school-1")).stream()
                .filter(c -> c.partId() == 71).findFirst().orElseThrow().groupKey();
        clock.advance(Duration.ofDays(30).plusHours(9));

        EnrollmentResult result = service.enroll("school-1", ANNA, CourseSelection.group(groupKey));

        assertThat(result.courseIds(ENROLLED)).as("part 71 has begun").containsExactly(72L, 73L, 74L);
        assertThat(memberOf(71, 72, 73, 74)).containsExactly(72L, 73L, 74L);
    }
}
