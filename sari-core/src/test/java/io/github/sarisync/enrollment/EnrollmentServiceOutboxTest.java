package io.github.sarisync.enrollment;

import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.github.sarisync.enrollment.PartOutcome.ENROLLED;
import static io.github.sarisync.enrollment.PartOutcome.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentServiceOutboxTest extends EnrollmentFixture {

    @Test
    void aTransientFaultQueuesThePartAndTheLaterOnesWithoutCompensating() {
        sari.answer("PUT", 63, "INTERNAL_SERVER_ERROR");

        EnrollmentResult result = service.enroll(TENANT, ANNA, march(), FailurePolicy.COMPENSATE);

        assertThat(result.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(result.parts()).extracting(PartResult::outcome).containsExactly(ENROLLED, ENROLLED, QUEUED, QUEUED);
        assertThat(sari.calls()).containsExactly("GET customer", "PUT 61", "PUT 62", "PUT 63");
        OutboxEntry failed = outbox.find(result.part(63).orElseThrow().outboxEntryId()).orElseThrow();
        OutboxEntry waiting = outbox.find(result.part(64).orElseThrow().outboxEntryId()).orElseThrow();
        assertThat(failed.state()).isEqualTo(OutboxState.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastErrorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.nextAttemptAt()).isEqualTo(failed.nextAttemptAt());
        assertThat(runOf(result).status()).isEqualTo(RunStatus.PARTIAL);
    }

    @Test
    void theOutboxRetriesThroughAnOutageWithGrowingPauses() {
        sari.outage("INTERNAL_SERVER_ERROR");
        EnrollmentResult result = service.enroll(TENANT, ANNA, march());
        assertThat(result.courseIds(QUEUED)).containsExactly(61L, 62L, 63L, 64L);

        assertThat(service.processOutbox()).isEqualTo(OutboxRunReport.EMPTY);
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(4, 0, 4, 0));
        OutboxEntry first = outbox.find(result.part(61).orElseThrow().outboxEntryId()).orElseThrow();
        assertThat(first.attempts()).isEqualTo(2);
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processOutbox()).as("parts 62-64 had one attempt, part 61 two")
                .isEqualTo(new OutboxRunReport(3, 0, 3, 0));
        sari.outage(null);
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(1, 1, 0, 0));
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(3, 3, 0, 0));

        assertMemberOf(61, 62, 63, 64);
        assertThat(outboxStates(result)).containsOnly(OutboxState.SUCCEEDED);
        assertThat(service.outboxEntries(result.operationId())).allSatisfy(e -> assertThat(e.birthdate()).isNull());
        clock.advance(Duration.ofDays(2));
        assertThat(service.processOutbox().attempted()).isZero();
    }

    @Test
    void theOutboxStopsOnAPermanentError() {
        sari.answer("PUT", 62, "INTERNAL_SERVER_ERROR", "COURSE_PERSON_DEADLINE_VIOLATED");
        EnrollmentResult result = service.enroll(TENANT, ANNA, march());
        clock.advance(Duration.ofMinutes(1));

        OutboxRunReport report = service.processOutbox();

        assertThat(report).isEqualTo(new OutboxRunReport(3, 2, 0, 1));
        OutboxEntry entry = outbox.find(result.part(62).orElseThrow().outboxEntryId()).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
        assertThat(entry.lastErrorCode()).isEqualTo("COURSE_PERSON_DEADLINE_VIOLATED");
        assertThat(entry.attempts()).isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        assertThat(service.processOutbox().attempted()).isZero();
        assertMemberOf(61, 63, 64);
    }

    @Test
    void theOutboxGivesUpAfterTheLastAttempt() {
        service = builder().outboxPolicy(OutboxPolicy.builder().maxAttempts(3).build()).build();
        sari.outage("INTERNAL_SERVER_ERROR");
        EnrollmentResult result = service.enroll(TENANT, ANNA, CourseSelection.parts(
                io.github.sarisync.model.CourseType.VKU, MARCH.subList(0, 1)));

        clock.advance(Duration.ofMinutes(1));
        service.processOutbox();
        clock.advance(Duration.ofMinutes(2));
        OutboxRunReport last = service.processOutbox();

        assertThat(last).isEqualTo(new OutboxRunReport(1, 0, 0, 1));
        OutboxEntry entry = outbox.find(result.part(61).orElseThrow().outboxEntryId()).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
        assertThat(entry.attempts()).isEqualTo(3);
        assertThat(entry.lastErrorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(sari.calls()).filteredOn(c -> c.equals("PUT 61")).hasSize(3);
    }

    @Test
    void aChangeLeftPendingByACrashIsCarriedOutOnceItsLeaseEnds() {
        OutboxEntry leftBehind = OutboxEntry.pending("e-1", "op-crashed", TENANT, OutboxAction.ENROLL, 61, FABER_ID,
                BIRTHDATE, NOW, NOW.plus(OutboxPolicy.defaults().claimLease()));
        outbox.add(List.of(leftBehind));

        assertThat(service.processOutbox().attempted()).isZero();
        clock.advance(OutboxPolicy.defaults().claimLease());
        assertThat(service.processOutbox().succeeded()).isEqualTo(1);

        assertMemberOf(61);
        assertThat(outbox.find("e-1").orElseThrow().state()).isEqualTo(OutboxState.SUCCEEDED);
    }

    @Test
    void aTenantWithoutClientCountsAsATransientFailure() {
        outbox.add(List.of(OutboxEntry.pending("e-1", "op-1", "gone", OutboxAction.UNENROLL, 61, FABER_ID, null, NOW,
                NOW)));
        service = builder().clients(tenant -> {
            throw new IllegalArgumentException("no tenant " + tenant);
        }).build();

        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(1, 0, 1, 0));
        assertThat(outbox.find("e-1").orElseThrow().lastErrorCode()).isEqualTo("CLIENT_UNAVAILABLE");
    }

    @Test
    void everyOutboxAttemptIsInTheRunLog() {
        sari.answer("PUT", 61, "INTERNAL_SERVER_ERROR");
        service.enroll(TENANT, ANNA, CourseSelection.parts(io.github.sarisync.model.CourseType.VKU,
                MARCH.subList(0, 1)));
        clock.advance(Duration.ofMinutes(1));

        service.processOutbox();

        SyncRun retry = runLog.all().get(1);
        assertThat(retry.operation()).isEqualTo("ENROLL");
        assertThat(retry.trigger()).isEqualTo(io.github.sarisync.spi.SyncTrigger.SCHEDULED);
        assertThat(retry.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(retry.detail()).contains("part 61", "attempt 2", "SUCCEEDED", "****567").doesNotContain("1234567");
    }
}
