package io.github.sarisync.enrollment;

import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.StoredMember;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.sarisync.enrollment.PartOutcome.COMPENSATED;
import static io.github.sarisync.enrollment.PartOutcome.ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.FAILED;
import static io.github.sarisync.enrollment.PartOutcome.NEEDS_MANUAL_ACTION;
import static io.github.sarisync.enrollment.PartOutcome.NOT_ATTEMPTED;
import static io.github.sarisync.enrollment.PartOutcome.NOT_ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.QUEUED;
import static io.github.sarisync.enrollment.PartOutcome.RESTORED;
import static io.github.sarisync.enrollment.PartOutcome.UNENROLLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentServiceUnenrolAndTransferTest extends EnrollmentFixture {

    private void inMarch() {
        MARCH.forEach(c -> sari.member(c.id(), FABER_ID, false));
    }

    @Test
    void unenrolsFromEveryPartAndCountsAbsentOnesAsDone() {
        sari.member(61, FABER_ID, false);
        sari.member(63, FABER_ID, false);

        EnrollmentResult result = service.unenroll(TENANT, "1234567", march());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.SUCCEEDED);
        assertThat(result.parts()).extracting(PartResult::outcome)
                .containsExactly(UNENROLLED, NOT_ENROLLED, UNENROLLED, NOT_ENROLLED);
        assertMemberOf();
        assertThat(runOf(result).operation()).isEqualTo("UNENROLL");
        assertThat(runOf(result).counts().membersRemoved()).isEqualTo(2);
    }

    @Test
    void aConfirmedRegistrationNeedsManualActionInTheSariPortal() {
        inMarch();
        sari.member(62, FABER_ID, true);

        EnrollmentResult result = service.unenroll(TENANT, FABER_ID, march());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.PARTIAL);
        assertThat(result.needsManualAction()).containsExactly(62L);
        assertThat(result.part(62).orElseThrow().errorCode()).isEqualTo("COURSEMEMBER_ALREADY_CONFIRMED");
        assertThat(result.courseIds(UNENROLLED)).containsExactly(61L, 63L, 64L);
        assertMemberOf(62);
    }

    @Test
    void transferEnrolsTheNewPartsBeforeLeavingTheOldOnes() {
        inMarch();

        EnrollmentResult result = service.transfer(TENANT, ANNA, march(), lateMarch());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.SUCCEEDED);
        assertThat(result.courseIds(ENROLLED)).containsExactly(71L, 72L, 73L, 74L);
        assertThat(result.courseIds(UNENROLLED)).containsExactly(61L, 62L, 63L, 64L);
        assertThat(sari.calls()).containsExactly("GET customer", "PUT 71", "PUT 72", "PUT 73", "PUT 74",
                "DELETE 61", "DELETE 62", "DELETE 63", "DELETE 64");
        assertMemberOf(71, 72, 73, 74);
        assertThat(runOf(result).operation()).isEqualTo("TRANSFER");
        assertThat(runOf(result).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aNewPartFailingUndoesTheTransferAndLeavesTheOldCourseUntouched() {
        inMarch();
        sari.answer("PUT", 73, "COURSE_NOT_FOUND");

        EnrollmentResult result = service.transfer(TENANT, ANNA, march(), lateMarch());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.ROLLED_BACK);
        assertThat(result.parts()).extracting(PartResult::courseId, PartResult::action, PartResult::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(71L, OutboxAction.ENROLL, COMPENSATED),
                        org.assertj.core.groups.Tuple.tuple(72L, OutboxAction.ENROLL, COMPENSATED),
                        org.assertj.core.groups.Tuple.tuple(73L, OutboxAction.ENROLL, FAILED),
                        org.assertj.core.groups.Tuple.tuple(74L, OutboxAction.ENROLL, NOT_ATTEMPTED),
                        org.assertj.core.groups.Tuple.tuple(61L, OutboxAction.UNENROLL, NOT_ATTEMPTED),
                        org.assertj.core.groups.Tuple.tuple(62L, OutboxAction.UNENROLL, NOT_ATTEMPTED),
                        org.assertj.core.groups.Tuple.tuple(63L, OutboxAction.UNENROLL, NOT_ATTEMPTED),
                        org.assertj.core.groups.Tuple.tuple(64L, OutboxAction.UNENROLL, NOT_ATTEMPTED));
        assertMemberOf(61, 62, 63, 64);
        assertThat(sari.calls()).noneMatch(c -> c.equals("DELETE 61"));
    }

    @Test
    void aTransientFaultOnANewPartAlsoUndoesTheTransfer() {
        inMarch();
        sari.answer("PUT", 72, "INTERNAL_SERVER_ERROR");

        EnrollmentResult result = service.transfer(TENANT, ANNA, march(), lateMarch());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.ROLLED_BACK);
        assertThat(result.part(72).orElseThrow().errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertMemberOf(61, 62, 63, 64);
        clock.advance(java.time.Duration.ofHours(1));
        assertThat(service.processOutbox().attempted()).isZero();
    }

    @Test
    void anOldPartThatCannotBeLeftRestoresTheOldCourseAndLeavesTheNewOne() {
        inMarch();
        sari.member(63, FABER_ID, true);

        EnrollmentResult result = service.transfer(TENANT, ANNA, march(), lateMarch());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.ROLLED_BACK);
        assertThat(result.courseIds(COMPENSATED)).containsExactly(71L, 72L, 73L, 74L);
        assertThat(result.courseIds(RESTORED)).containsExactly(61L, 62L);
        assertThat(result.needsManualAction()).containsExactly(63L);
        assertThat(result.courseIds(NOT_ATTEMPTED)).containsExactly(64L);
        assertMemberOf(61, 62, 63, 64);
        assertThat(sari.calls()).endsWith("DELETE 63", "PUT 62", "PUT 61", "DELETE 74", "DELETE 73", "DELETE 72",
                "DELETE 71");
    }

    @Test
    void aTransientFaultWhileLeavingTheOldCourseQueuesTheRest() {
        inMarch();
        sari.answer("DELETE", 62, "INTERNAL_SERVER_ERROR");

        EnrollmentResult result = service.transfer(TENANT, ANNA, march(), lateMarch());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(result.courseIds(QUEUED)).containsExactly(62L, 63L, 64L);
        clock.advance(OutboxPolicy.defaults().initialDelay());
        assertThat(service.processOutbox().succeeded()).isEqualTo(3);
        assertMemberOf(71, 72, 73, 74);
    }

    @Test
    void aConfirmedRegistrationKnownToTheCourseStoreRefusesTheTransferUpFront() {
        inMarch();
        sari.member(62, FABER_ID, true);
        StoredMember confirmed = new StoredMember(TENANT, 62, FABER_ID, "1234567", "Anna", "Muster", BIRTHDATE,
                LocalDate.of(2027, 2, 20), NOW, NOW, null);
        service = builder().courseStore(new FixedCourseStore(List.of(), List.of(confirmed))).build();

        EnrollmentResult result = service.transfer(TENANT, ANNA, march(), lateMarch());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.REFUSED);
        assertThat(result.refusal().reason()).isEqualTo(Refusal.Reason.CONFIRMED_REGISTRATION);
        assertThat(result.refusal().message()).contains("62", "SARI portal");
        assertThat(sari.calls()).containsExactly("GET customer");
    }

    @Test
    void transferBetweenOverlappingSelectionsIsABadRequest() {
        assertThatThrownBy(() -> service.transfer(TENANT, ANNA, march(),
                CourseSelection.parts(io.github.sarisync.model.CourseType.VKU, MARCH.subList(2, 4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[63, 64]");
    }
}
