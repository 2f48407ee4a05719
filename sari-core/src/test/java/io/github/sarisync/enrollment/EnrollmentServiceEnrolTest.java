package io.github.sarisync.enrollment;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.License;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.SyncRun;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.sarisync.enrollment.PartOutcome.ALREADY_ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.COMPENSATED;
import static io.github.sarisync.enrollment.PartOutcome.ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.FAILED;
import static io.github.sarisync.enrollment.PartOutcome.NOT_ATTEMPTED;
import static io.github.sarisync.enrollment.PartOutcome.UNDO_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EnrollmentServiceEnrolTest extends EnrollmentFixture {

    @Test
    void enrolsTheStudentInEveryPartInOrderOfStart() {
        EnrollmentResult result = service.enroll(TENANT, ANNA, march());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.SUCCEEDED);
        assertThat(result.parts()).extracting(PartResult::courseId, PartResult::outcome).containsExactly(
                tuple(61L, ENROLLED), tuple(62L, ENROLLED),
                tuple(63L, ENROLLED), tuple(64L, ENROLLED));
        assertThat(sari.calls()).containsExactly("GET customer", "PUT 61", "PUT 62", "PUT 63", "PUT 64");
        assertMemberOf(61, 62, 63, 64);
        assertThat(outboxStates(result)).containsOnly(OutboxState.SUCCEEDED).hasSize(4);
    }

    @Test
    void enrollingAgainChangesNothingAndSucceeds() {
        service.enroll(TENANT, ANNA, march());

        EnrollmentResult again = service.enroll(TENANT, ANNA, march());

        assertThat(again.status()).isEqualTo(EnrollmentStatus.SUCCEEDED);
        assertThat(again.courseIds(ALREADY_ENROLLED)).containsExactly(61L, 62L, 63L, 64L);
        assertMemberOf(61, 62, 63, 64);
    }

    @Test
    void enrolsInTheActiveFuturePartsOfAStoredGroupOrInChosenOnes() {
        List<StoredCourse> stored = MARCH.stream().map(c -> new StoredCourse(TENANT, CourseType.VKU, c.id(), "g-march",
                c.name(), c.startsAt().toInstant(), null, 10, "h", c.id() == 64 ? CourseStatus.CANCELLED
                : CourseStatus.ACTIVE, NOW, NOW, NOW)).toList();
        service = builder().courseStore(new FixedCourseStore(stored, List.of())).build();

        assertThat(service.enroll(TENANT, ANNA, CourseSelection.groupParts("g-march", List.of(62L))).courseIds(ENROLLED))
                .containsExactly(62L);
        EnrollmentResult whole = service.enroll(TENANT, ANNA, CourseSelection.group("g-march"));

        assertThat(whole.courseIds(ENROLLED)).containsExactly(61L, 63L);
        assertThat(whole.courseIds(ALREADY_ENROLLED)).containsExactly(62L);
        assertMemberOf(61, 62, 63);
    }

    @Test
    void aPartRefusedInTheMiddleIsCompensatedByUnenrollingWhatThisCallEnrolled() {
        sari.answer("PUT", 63, "COURSE_PERSON_DEADLINE_VIOLATED");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march(), FailurePolicy.COMPENSATE);

        assertThat(result.status()).isEqualTo(EnrollmentStatus.ROLLED_BACK);
        assertThat(result.parts()).extracting(PartResult::outcome)
                .containsExactly(COMPENSATED, COMPENSATED, FAILED, NOT_ATTEMPTED);
        assertThat(result.part(63).orElseThrow().errorCode()).isEqualTo("COURSE_PERSON_DEADLINE_VIOLATED");
        assertThat(sari.calls()).containsExactly("GET customer", "PUT 61", "PUT 62", "PUT 63", "DELETE 62", "DELETE 61");
        assertMemberOf();
        assertThat(service.outboxEntries(result.operationId()))
                .extracting(e -> e.action() + " " + e.courseId() + " " + e.state())
                .containsExactlyInAnyOrder("ENROLL 61 SUCCEEDED", "ENROLL 62 SUCCEEDED",
                        "ENROLL 63 FAILED_PERMANENTLY", "ENROLL 64 CANCELLED", "UNENROLL 62 SUCCEEDED",
                        "UNENROLL 61 SUCCEEDED");
    }

    @Test
    void compensationLeavesPartsTheStudentWasInBefore() {
        sari.member(61, FABER_ID, false);
        sari.answer("PUT", 63, "COURSE_NOT_ALLOWED_OR_ENABLED");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march(), FailurePolicy.COMPENSATE);

        assertThat(result.parts()).extracting(PartResult::outcome)
                .containsExactly(ALREADY_ENROLLED, COMPENSATED, FAILED, NOT_ATTEMPTED);
        assertMemberOf(61);
    }

    @Test
    void leavingStopsAtTheFailureAndKeepsWhatWasDone() {
        sari.answer("PUT", 63, "COURSE_PERSON_DEADLINE_VIOLATED");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march(), FailurePolicy.LEAVE);

        assertThat(result.status()).isEqualTo(EnrollmentStatus.PARTIAL);
        assertThat(result.parts()).extracting(PartResult::outcome)
                .containsExactly(ENROLLED, ENROLLED, FAILED, NOT_ATTEMPTED);
        assertMemberOf(61, 62);
    }

    @Test
    void continuingTriesEveryPart() {
        sari.answer("PUT", 62, "COURSE_PERSON_DEADLINE_VIOLATED");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march(), FailurePolicy.CONTINUE);

        assertThat(result.status()).isEqualTo(EnrollmentStatus.PARTIAL);
        assertThat(result.parts()).extracting(PartResult::outcome).containsExactly(ENROLLED, FAILED, ENROLLED, ENROLLED);
        assertMemberOf(61, 63, 64);
    }

    @Test
    void anUndoThatFailsIsReportedPartByPart() {
        sari.answer("PUT", 63, "COURSE_PERSON_DEADLINE_VIOLATED");
        sari.answer("DELETE", 62, "NO_PERMISSION");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march(), FailurePolicy.COMPENSATE);

        assertThat(result.status()).isEqualTo(EnrollmentStatus.UNDO_FAILED);
        assertThat(result.parts()).extracting(PartResult::outcome)
                .containsExactly(COMPENSATED, UNDO_FAILED, FAILED, NOT_ATTEMPTED);
        assertThat(result.part(62).orElseThrow().errorCode()).isEqualTo("NO_PERMISSION");
        assertMemberOf(62);
    }

    @Test
    void theFirstPartFailingChangesNothing() {
        sari.answer("PUT", 61, "LICENSE_EXPIRED");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.FAILED);
        assertThat(result.parts()).extracting(PartResult::outcome)
                .containsExactly(FAILED, NOT_ATTEMPTED, NOT_ATTEMPTED, NOT_ATTEMPTED);
        assertMemberOf();
    }

    @Test
    void pgsIsRefusedForCategoryBWithoutAnyRegistrationCall() {
        EnrollmentResult result = service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.PGS, MARCH));

        assertThat(result.status()).isEqualTo(EnrollmentStatus.REFUSED);
        assertThat(result.refusal().reason()).isEqualTo(Refusal.Reason.NO_SUITABLE_LICENCE);
        assertThat(result.parts()).extracting(PartResult::outcome).containsOnly(NOT_ATTEMPTED);
        assertThat(sari.calls()).containsExactly("GET customer");
        assertThat(service.outboxEntries(result.operationId())).isEmpty();
    }

    @Test
    void aLicenceExpiringOnTheSwissDayOfTheLastPartIsAccepted() {
        // the last part starts at 00:30 in Zurich on 14 March, still 13 March in UTC
        var lastAfterMidnight = CourseSelection.parts(CourseType.PGS, EnrollmentFixture.parts(81,
                java.time.ZonedDateTime.of(2027, 3, 11, 0, 30, 0, 0, ZURICH)));
        sari.student("555", BIRTHDATE, new License("A1", LocalDate.of(2027, 3, 14)));
        sari.student("556", BIRTHDATE, new License("A1", LocalDate.of(2027, 3, 13)));

        EnrollmentResult onTheDay = service.enroll(TENANT, Student.of("555", BIRTHDATE), lastAfterMidnight);
        EnrollmentResult dayBefore = service.enroll(TENANT, Student.of("556", BIRTHDATE), lastAfterMidnight);

        assertThat(onTheDay.status()).isEqualTo(EnrollmentStatus.SUCCEEDED);
        assertThat(dayBefore.status()).isEqualTo(EnrollmentStatus.REFUSED);
        assertThat(dayBefore.refusal().reason()).isEqualTo(Refusal.Reason.LICENCE_EXPIRES_BEFORE_LAST_PART);
        assertThat(dayBefore.refusal().message()).contains("2027-03-13", "2027-03-14");
    }

    @Test
    void aStudentSariDoesNotKnowIsRefused() {
        EnrollmentResult unknown = service.enroll(TENANT, Student.of("999", BIRTHDATE), march());
        EnrollmentResult wrongBirthdate = service.enroll(TENANT, Student.of(FABER_ID, BIRTHDATE.plusDays(1)), march());

        assertThat(unknown.refusal().reason()).isEqualTo(Refusal.Reason.STUDENT_NOT_FOUND);
        assertThat(wrongBirthdate.refusal().reason()).isEqualTo(Refusal.Reason.STUDENT_NOT_FOUND);
        assertThat(wrongBirthdate.refusal().message()).contains("MISMATCH_BIRTHDATE_FABERID").doesNotContain(FABER_ID);
        assertThat(sari.calls()).doesNotContain("PUT 61");
    }

    @Test
    void everyOperationIsInTheRunLogWithoutPersonalData() {
        sari.answer("PUT", 62, "COURSE_PERSON_DEADLINE_VIOLATED");
        EnrollmentResult ok = service.enroll(TENANT, ANNA, lateMarch());
        EnrollmentResult failed = service.enroll(TENANT, ANNA, march());
        EnrollmentResult refused = service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.PGS, MARCH));

        SyncRun okRun = runOf(ok);
        assertThat(okRun.operation()).isEqualTo("ENROLL");
        assertThat(okRun.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(okRun.counts().membersAdded()).isEqualTo(4);
        assertThat(okRun.detail()).contains("VKU", "71 ENROLL ENROLLED", "74 ENROLL ENROLLED", "****567");
        assertThat(runOf(failed).status()).isEqualTo(RunStatus.FAILED);
        assertThat(runOf(failed).errorCode()).isEqualTo("COURSE_PERSON_DEADLINE_VIOLATED");
        assertThat(runOf(refused).errorCode()).isEqualTo("NO_SUITABLE_LICENCE");
        assertThat(runLog.all()).hasSize(3).allSatisfy(run -> assertThat(run.toString())
                .doesNotContain("1234567", "2006-05-14", "Anna", "Muster"));
    }

    @Test
    void badRequestsAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> service.enroll(" ", ANNA, march())).hasMessageContaining("tenantId");
        assertThatThrownBy(() -> service.enroll(TENANT, ANNA, CourseSelection.group("g1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("courseStore");
        assertThatThrownBy(() -> Student.of("12a", BIRTHDATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnrollmentService.builder().syncLogStore(runLog).outbox(outbox).build())
                .hasMessageContaining("clients");
        assertThatThrownBy(() -> EnrollmentService.builder().clients(t -> null).syncLogStore(runLog).build())
                .hasMessageContaining("outbox");
        assertThat(sari.calls()).isEmpty();
        assertThat(runLog.all()).isEmpty();
    }
}
