package io.github.sarisync.testkit;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseMember;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.github.sarisync.testkit.SimFixtures.ANNA;
import static io.github.sarisync.testkit.SimFixtures.EXPIRED;
import static io.github.sarisync.testkit.SimFixtures.LUCA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real SARIClient against the simulator: every operation, status, token renewal, retries and odd answers. */
class ClientAgainstSimulatorTest {
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private SariSimulator sari;
    private SimulatedSchool school;
    private SARIClient client;

    @BeforeEach
    void start() {
        sari = SimFixtures.builder().start();
        school = SimFixtures.populate(sari);
        client = client(school.credentials());
    }

    @AfterEach
    void stop() {
        sari.close();
    }

    private SARIClient client(SariCredentials credentials) {
        return SARIClient.builder().baseUri(sari.baseUri()).credentials(credentials).clock(sari.clock())
                .sleeper(sleeps::add).rateLimit(RateLimit.unlimited())
                .retry(RetryPolicy.builder().maxRetries(3).initialDelay(Duration.ofMillis(10)).build())
                .requestTimeout(Duration.ofSeconds(2)).build();
    }

    @Test
    void versionEchoesTextWithSpacesAndSlashes() {
        assertThat(client.version("ping / pong 1+1")).isEqualTo("ping / pong 1+1");
    }

    @Test
    void customerIsReadWithUnpaddedFaberIdAndLicences() {
        Customer customer = client.customer("001234567", ANNA.birthdate());

        assertThat(customer.faberId()).isEqualTo("1234567");
        assertThat(customer.zip()).isEqualTo("3000");
        assertThat(customer.licenses()).containsExactly(new License("B", LocalDate.of(2030, 1, 1)));
    }

    @Test
    void unknownOrMismatchedCustomerFailsWithItsStatus() {
        assertThatThrownBy(() -> client.customer("9999999", ANNA.birthdate()))
                .isInstanceOfSatisfying(SariException.class, e -> assertThat(e.code()).isEqualTo(SariErrorCode.PERSON_NOT_FOUND));
        assertThatThrownBy(() -> client.customer(ANNA.faberId(), LocalDate.of(2000, 1, 1)))
                .isInstanceOfSatisfying(SariException.class,
                        e -> assertThat(e.code()).isEqualTo(SariErrorCode.MISMATCH_BIRTHDATE_FABERID));
    }

    @Test
    void coursesAreReadAsTheSimulatorHoldsThem() {
        List<CourseGroup> groups = client.courses(CourseType.VKU);

        assertThat(groups).isEqualTo(school.courses(CourseType.VKU));
        Course first = groups.get(0).courses().get(0);
        assertThat(first.id()).isEqualTo(61);
        assertThat(first.location()).isEqualTo(new CourseLocation("Fahrschule Muster", "Bahnhofstrasse 1", "3000", "Bern"));
        assertThat(first.startsAt().getZone()).isEqualTo(SimulatorClock.ZURICH);
    }

    @Test
    void singleObjectCoursesFormIsReadAsOneGroup() {
        sari.coursesForm(CoursesForm.SINGLE_OBJECT);

        assertThat(client.courses(CourseType.PGS)).isEqualTo(school.courses(CourseType.PGS)).hasSize(1);
    }

    @Test
    void enrolAndUnenrolChangeMembersAndFreePlaces() {
        client.enroll(61, ANNA.faberId(), ANNA.birthdate());

        List<CourseMember> members = client.courseDetail(61);
        assertThat(members).extracting(CourseMember::faberId).containsExactly("001234567");
        assertThat(members).isEqualTo(school.members(61));
        assertThat(school.freePlaces(61)).isEqualTo(11);

        client.unenroll(61, "001234567");
        assertThat(client.courseDetail(61)).isEmpty();
        assertThat(school.freePlaces(61)).isEqualTo(12);
    }

    @Test
    void businessRefusalsOfEnrolmentReachTheCaller() {
        client.enroll(62, LUCA.faberId(), LUCA.birthdate());

        assertThat(enrolFailure(62, LUCA)).isEqualTo(SariErrorCode.PERSON_ALREADY_ADDED);
        assertThat(enrolFailure(62, ANNA)).isEqualTo(SariErrorCode.COURSE_NOT_ALLOWED_OR_ENABLED);
        assertThat(enrolFailure(999, ANNA)).isEqualTo(SariErrorCode.COURSE_NOT_FOUND);
        assertThat(enrolFailure(81, ANNA)).isEqualTo(SariErrorCode.NO_PERMISSION);
        assertThat(enrolFailure(71, ANNA)).isEqualTo(SariErrorCode.LICENSE_EXPIRED);
        assertThat(enrolFailure(61, EXPIRED)).isEqualTo(SariErrorCode.LICENSE_EXPIRED);
        sari.clock().set(SimFixtures.PART_1.plusMinutes(1));
        assertThat(enrolFailure(61, ANNA)).isEqualTo(SariErrorCode.COURSE_PERSON_DEADLINE_VIOLATED);
    }

    private SariErrorCode enrolFailure(long partId, Customer student) {
        try {
            client.enroll(partId, student.faberId(), student.birthdate());
        } catch (SariException e) {
            return e.code();
        }
        throw new AssertionError("enrolment in part " + partId + " was accepted");
    }

    @Test
    void unenrolRefusalsReachTheCaller() {
        school.addMember(61, ANNA.faberId(), LocalDate.of(2026, 3, 1));

        assertThatThrownBy(() -> client.unenroll(61, ANNA.faberId())).isInstanceOfSatisfying(SariException.class,
                e -> assertThat(e.code()).isEqualTo(SariErrorCode.COURSEMEMBER_ALREADY_CONFIRMED));
        assertThatThrownBy(() -> client.unenroll(61, LUCA.faberId())).isInstanceOfSatisfying(SariException.class,
                e -> assertThat(e.code()).isEqualTo(SariErrorCode.COURSEMEMBER_NOT_FOUND));
    }

    @Test
    void courseDetailOfAnotherSchoolsCourseIsRefused() {
        assertThatThrownBy(() -> client.courseDetail(81)).isInstanceOfSatisfying(SariException.class,
                e -> assertThat(e.code()).isEqualTo(SariErrorCode.NO_PERMISSION));
    }

    @Test
    void wrongPasswordFailsAuthentication() {
        SariCredentials c = school.credentials();
        SARIClient wrong = client(new SariCredentials(c.clientId(), c.clientSecret(), c.username(), "wrong"));

        assertThatThrownBy(() -> wrong.version("ping")).isInstanceOfSatisfying(SariException.class,
                e -> assertThat(e.code()).isEqualTo(SariErrorCode.AUTHENTICATION_FAILED));
    }

    @Test
    void expiredTokenIsRenewedWithoutTheCallerNoticing() {
        client.version("one");
        sari.clock().advance(Duration.ofHours(2));

        assertThat(client.version("two")).isEqualTo("two");
        assertThat(sari.stats().requests(Operation.TOKEN)).isEqualTo(2);
    }

    @Test
    void tokensExpiredBySariAreRenewedAfterA401() {
        client.version("one");
        sari.expireAllTokens();

        assertThat(client.version("two")).isEqualTo("two");
        assertThat(sari.stats().requests(Operation.VERSION)).isEqualTo(3);
    }

    @Test
    void transientFaultsAreRetried() {
        sari.inject(FaultRule.of(Fault.httpStatus(500)).operation(Operation.COURSES));
        sari.inject(FaultRule.of(Fault.tooManyRequests(Duration.ofSeconds(3))).operation(Operation.COURSES));
        sari.inject(FaultRule.of(Fault.internalServerError()).operation(Operation.COURSES));

        assertThat(client.courses(CourseType.VKU)).isEqualTo(school.courses(CourseType.VKU));
        assertThat(sari.stats().requests(Operation.COURSES)).isEqualTo(4);
        assertThat(sleeps).contains(Duration.ofSeconds(3));
    }

    @Test
    void malformedAnswersFailAsMalformedResponse() {
        sari.inject(FaultRule.of(Fault.malformedJson()).operation(Operation.COURSES));

        assertThatThrownBy(() -> client.courses(CourseType.VKU)).isInstanceOfSatisfying(SariException.class,
                e -> assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE));
    }

    @Test
    void enrolmentOfUnknownOrMismatchedStudentsFailsWithItsStatus() {
        assertThatThrownBy(() -> client.enroll(61, "9999999", ANNA.birthdate())).isInstanceOfSatisfying(
                SariException.class, e -> assertThat(e.code()).isEqualTo(SariErrorCode.PERSON_NOT_FOUND));
        assertThatThrownBy(() -> client.enroll(61, ANNA.faberId(), LocalDate.of(2000, 1, 1))).isInstanceOfSatisfying(
                SariException.class, e -> assertThat(e.code()).isEqualTo(SariErrorCode.MISMATCH_BIRTHDATE_FABERID));
    }

    @Test
    void disabledCourseTypeIsSectionNotFound() {
        school.setTypeEnabled(CourseType.PGS, false);

        assertThatThrownBy(() -> client.courses(CourseType.PGS)).isInstanceOfSatisfying(SariException.class,
                e -> assertThat(e.code()).isEqualTo(SariErrorCode.SECTION_NOT_FOUND));
    }

    @Test
    void noCoursesAndAnEmptyCourseListAreBothReadAsNoGroups() {
        school.cancelGroup(CourseType.PGS, "PGS April");
        assertThat(client.courses(CourseType.PGS)).isEmpty();

        sari.inject(FaultRule.of(Fault.emptyCourses()).operation(Operation.COURSES));
        assertThat(client.courses(CourseType.VKU)).isEmpty();
        assertThat(client.courses(CourseType.VKU)).isEqualTo(school.courses(CourseType.VKU)).isNotEmpty();
    }

    @Test
    void anEnrolmentRepeatedAfterATimeoutCountsAsDone() {
        sari.inject(FaultRule.of(Fault.latency(Duration.ofSeconds(5))).operation(Operation.ENROLL));

        client.enroll(61, ANNA.faberId(), ANNA.birthdate());
        assertThat(school.members(61)).hasSize(1);
        assertThat(sari.stats().requests(Operation.ENROLL)).isEqualTo(2);
    }

    @Test
    void htmlErrorPagesAndHangsAreRetriedUntilAnAnswerComes() {
        sari.inject(FaultRule.of(Fault.htmlPage(502)).operation(Operation.COURSE_DETAIL));
        sari.inject(FaultRule.of(Fault.hang()).operation(Operation.COURSE_DETAIL));

        assertThat(client.courseDetail(61)).isEmpty();
        assertThat(sari.stats().requests(Operation.COURSE_DETAIL)).isEqualTo(3);
    }

    @Test
    void persistentFaultsFailAfterTheRetriesAreUsedUp() {
        sari.inject(FaultRule.of(Fault.httpStatus(503)).operation(Operation.VERSION).always());

        assertThatThrownBy(() -> client.version("x")).isInstanceOfSatisfying(SariException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(sari.stats().requests(Operation.VERSION)).isEqualTo(4);
    }

    @Test
    void aClientHonouringFairUseIsNeverRefused() {
        try (SariSimulator strict = SimFixtures.builder().enforceFairUse().start()) {
            SimulatedSchool s = SimFixtures.populate(strict);
            SARIClient polite = SARIClient.builder().baseUri(strict.baseUri()).credentials(s.credentials())
                    .clock(strict.clock()).sleeper(strict.clock()::advance).rateLimit(RateLimit.perMinute(10))
                    .build();
            for (int i = 0; i < 25; i++) {
                polite.version("call " + i);
            }

            assertThat(strict.stats().maxRequestsPerMinute("muster")).isLessThanOrEqualTo(10);
            assertThat(strict.stats().requests(Operation.VERSION)).isEqualTo(25);
        }
    }
}
