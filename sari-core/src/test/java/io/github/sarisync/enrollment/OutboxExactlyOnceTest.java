package io.github.sarisync.enrollment;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.sarisync.enrollment.PartOutcome.ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several workers share one outbox and SARI answers slower than the claim lease: every entry is sent
 * to SARI once, and a worker that outlived its claim writes nothing.
 */
class OutboxExactlyOnceTest extends EnrollmentFixture {
    private static final Duration LEASE = OutboxPolicy.defaults().claimLease();

    private OutboxEntry due(String id, OutboxAction action, long courseId) {
        return OutboxEntry.pending(id, "op-1", TENANT, action, courseId, FABER_ID,
                action == OutboxAction.ENROLL ? BIRTHDATE : null, NOW, NOW);
    }

    /** While SARI keeps the call waiting, the lease passes and a second worker runs the outbox. */
    private AtomicReference<OutboxRunReport> secondWorkerDuring(String call) {
        EnrollmentService second = builder().build();
        AtomicReference<OutboxRunReport> report = new AtomicReference<>();
        sari.whileAnswering(call, () -> {
            clock.advance(LEASE.plusSeconds(1));
            report.set(second.processOutbox());
        });
        return report;
    }

    @Test
    void twoWorkersDrainingTheOutboxWhileSariAnswersSlowerThanTheLeaseSendEachEntryOnce() {
        outbox.add(List.of(due("e61", OutboxAction.ENROLL, 61), due("e62", OutboxAction.ENROLL, 62),
                due("e63", OutboxAction.UNENROLL, 63)));
        sari.member(63, FABER_ID, false);
        AtomicReference<OutboxRunReport> second = secondWorkerDuring("PUT 61");

        OutboxRunReport first = service.processOutbox();

        assertThat(sari.calls()).as("each change sent once; part 61 checked, not sent again")
                .containsExactly("PUT 61", "GET coursedetail 61", "PUT 62", "DELETE 63");
        assertThat(second.get()).isEqualTo(new OutboxRunReport(3, 3, 0, 0, 0));
        assertThat(first).as("the slow worker lost its claims and wrote nothing")
                .isEqualTo(new OutboxRunReport(3, 0, 0, 0, 3));
        assertThat(outbox.list(io.github.sarisync.spi.OutboxQuery.all())).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.SUCCEEDED);
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertMemberOf(61, 62);
    }

    @Test
    void anExpiredInFlightEnrolmentWhoseStudentIsAlreadyInCompletesWithoutASecondEnrolCall() {
        outbox.add(List.of(due("e61", OutboxAction.ENROLL, 61)));
        AtomicReference<OutboxRunReport> second = secondWorkerDuring("PUT 61");

        OutboxRunReport first = service.processOutbox();

        assertThat(second.get().succeeded()).isEqualTo(1);
        assertThat(sari.calls()).containsExactly("PUT 61", "GET coursedetail 61");
        assertThat(first.lostClaims()).isEqualTo(1);
        assertThat(first.succeeded()).isZero();
        OutboxEntry entry = outbox.find("e61").orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.SUCCEEDED);
        assertThat(entry.inFlight()).isFalse();
        assertThat(entry.claimToken()).isNull();
    }

    @Test
    void anExpiredInFlightUnenrolmentWhoseStudentIsGoneCompletesWithoutASecondUnenrolCall() {
        sari.member(61, FABER_ID, false);
        outbox.add(List.of(due("e61", OutboxAction.UNENROLL, 61)));
        AtomicReference<OutboxRunReport> second = secondWorkerDuring("DELETE 61");

        service.processOutbox();

        assertThat(second.get().succeeded()).isEqualTo(1);
        assertThat(sari.calls()).containsExactly("DELETE 61", "GET coursedetail 61");
        assertThat(outbox.find("e61").orElseThrow().state()).isEqualTo(OutboxState.SUCCEEDED);
        assertMemberOf();
    }

    @Test
    void anInFlightEnrolmentThatNeverReachedSariIsSentByTheNextWorker() {
        outbox.add(List.of(due("e61", OutboxAction.ENROLL, 61)));
        OutboxEntry held = outbox.claimDue(NOW, LEASE, 10).get(0);
        assertThat(outbox.markInFlight(held)).isTrue();
        clock.advance(LEASE);

        OutboxRunReport report = service.processOutbox();

        assertThat(report.succeeded()).isEqualTo(1);
        assertThat(sari.calls()).containsExactly("GET coursedetail 61", "PUT 61");
        assertMemberOf(61);
    }

    @Test
    void aLiveEnrolmentThatOutlivesItsClaimLeavesTheRemainingPartsToTheOutboxRunThatTookThem() {
        AtomicReference<OutboxRunReport> outboxRun = secondWorkerDuring("PUT 61");

        EnrollmentResult result = service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.VKU, MARCH));

        assertThat(sari.calls()).filteredOn(c -> c.startsWith("PUT"))
                .containsExactlyInAnyOrder("PUT 61", "PUT 62", "PUT 63", "PUT 64");
        assertThat(outboxRun.get()).isEqualTo(new OutboxRunReport(4, 4, 0, 0, 0));
        assertThat(result.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(result.parts()).extracting(PartResult::outcome).containsExactly(ENROLLED, QUEUED, QUEUED, QUEUED);
        assertThat(outboxStates(result)).containsOnly(OutboxState.SUCCEEDED);
        assertMemberOf(61, 62, 63, 64);
    }

    @Test
    void anOperationHoldsItsEntriesSoAnOutboxRunWithinTheLeaseLeavesThemAlone() {
        EnrollmentService second = builder().build();
        AtomicReference<OutboxRunReport> during = new AtomicReference<>();
        sari.whileAnswering("PUT 61", () -> {
            clock.advance(LEASE.minusSeconds(1));
            during.set(second.processOutbox());
        });

        EnrollmentResult result = service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.VKU, MARCH));

        assertThat(during.get()).isEqualTo(OutboxRunReport.EMPTY);
        assertThat(result.status()).isEqualTo(EnrollmentStatus.SUCCEEDED);
        assertThat(sari.calls()).filteredOn(c -> c.startsWith("PUT")).hasSize(4);
    }
}
