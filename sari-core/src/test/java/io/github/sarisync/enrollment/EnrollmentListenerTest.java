package io.github.sarisync.enrollment;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.License;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A live operation that ends without doing what was asked is told to the host, with no personal data. */
class EnrollmentListenerTest extends EnrollmentFixture {
    private final List<EnrollmentFailure> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        service = builder().enrollmentListener(told::add).build();
    }

    @Test
    void anEnrolmentThatFailedIsToldWithItsResultAndAMaskedFaberId() {
        sari.answer("PUT", 61, "LICENSE_EXPIRED");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march());

        assertThat(told).singleElement().satisfies(failure -> {
            assertThat(failure.result()).isEqualTo(result);
            assertThat(failure.status()).isEqualTo(EnrollmentStatus.FAILED);
            assertThat(failure.operation()).isEqualTo(EnrollmentOperation.ENROLL);
            assertThat(failure.tenantId()).isEqualTo(TENANT);
            assertThat(failure.operationId()).isEqualTo(result.operationId());
            assertThat(failure.result().part(61).orElseThrow().errorCode()).isEqualTo("LICENSE_EXPIRED");
            assertThat(failure.maskedFaberId()).isEqualTo("****567");
            assertThat(failure.at()).isEqualTo(clock.instant());
            assertThat(failure.toString()).doesNotContain("1234567", "2006-05-14");
        });
    }

    @Test
    void partialRolledBackAndUndoFailedOutcomesAreToldToo() {
        Student ben = Student.of("555", BIRTHDATE);
        sari.student("555", BIRTHDATE, new License("B", LocalDate.of(2030, 1, 1)));
        sari.answer("PUT", 63, "COURSE_PERSON_DEADLINE_VIOLATED", "COURSE_PERSON_DEADLINE_VIOLATED");
        sari.answer("PUT", 73, "COURSE_PERSON_DEADLINE_VIOLATED");
        sari.answer("DELETE", 62, "NO_PERMISSION");

        service.enroll(TENANT, ANNA, march(), FailurePolicy.LEAVE);
        service.enroll(TENANT, ANNA, lateMarch(), FailurePolicy.COMPENSATE);
        service.enroll(TENANT, ben, march(), FailurePolicy.COMPENSATE);

        assertThat(told).extracting(EnrollmentFailure::status).containsExactly(EnrollmentStatus.PARTIAL,
                EnrollmentStatus.ROLLED_BACK, EnrollmentStatus.UNDO_FAILED);
    }

    @Test
    void aFailedUnenrolAndARolledBackTransferAreTold() {
        service.enroll(TENANT, ANNA, march());
        sari.answer("DELETE", 61, "NO_PERMISSION");
        sari.answer("PUT", 72, "COURSE_NOT_ALLOWED_OR_ENABLED");

        service.unenroll(TENANT, FABER_ID, march());
        service.transfer(TENANT, ANNA, march(), lateMarch());

        assertThat(told).extracting(EnrollmentFailure::operation, EnrollmentFailure::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EnrollmentOperation.UNENROLL, EnrollmentStatus.PARTIAL),
                org.assertj.core.groups.Tuple.tuple(EnrollmentOperation.TRANSFER, EnrollmentStatus.ROLLED_BACK));
    }

    @Test
    void successesRefusalsAndChangesLeftToTheOutboxAreNotTold() {
        service.enroll(TENANT, ANNA, march());
        service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.PGS, MARCH));
        sari.outage("INTERNAL_SERVER_ERROR");
        EnrollmentResult queued = service.enroll(TENANT, ANNA, lateMarch());

        assertThat(queued.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(told).isEmpty();
    }

    @Test
    void aListenerThatThrowsDoesNotChangeTheResult() {
        service = builder().enrollmentListener(f -> {
            throw new IllegalStateException("alerting down");
        }).build();
        sari.answer("PUT", 61, "LICENSE_EXPIRED");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march());

        assertThat(result.status()).isEqualTo(EnrollmentStatus.FAILED);
    }
}
