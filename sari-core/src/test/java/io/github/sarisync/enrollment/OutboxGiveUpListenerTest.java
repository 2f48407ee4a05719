package io.github.sarisync.enrollment;

import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxGiveUpListenerTest extends EnrollmentFixture {
    private final List<OutboxGiveUp> gaveUp = new ArrayList<>();

    @Test
    void anEntryRefusedForGoodInAnOutboxRunIsReportedWithAMaskedFaberIdOnly() {
        service = builder().outboxListener(gaveUp::add).build();
        sari.answer("PUT", 62, "INTERNAL_SERVER_ERROR", "COURSE_PERSON_DEADLINE_VIOLATED");
        EnrollmentResult result = service.enroll(TENANT, ANNA, march());
        clock.advance(Duration.ofMinutes(1));

        service.processOutbox();

        assertThat(gaveUp).hasSize(1);
        OutboxGiveUp g = gaveUp.get(0);
        assertThat(g.entryId()).isEqualTo(result.part(62).orElseThrow().outboxEntryId());
        assertThat(g.operationId()).isEqualTo(result.operationId());
        assertThat(g.tenantId()).isEqualTo(TENANT);
        assertThat(g.action()).isEqualTo(OutboxAction.ENROLL);
        assertThat(g.courseId()).isEqualTo(62);
        assertThat(g.attempts()).isEqualTo(2);
        assertThat(g.errorCode()).isEqualTo(SariErrorCode.COURSE_PERSON_DEADLINE_VIOLATED);
        assertThat(g.gaveUpAt()).isEqualTo(clock.instant());
        assertThat(g.toString()).doesNotContain(FABER_ID).doesNotContain(BIRTHDATE.toString());
        assertThat(g.maskedFaberId()).isNotEqualTo(FABER_ID);
    }

    @Test
    void anEntryOutOfAttemptsIsReportedOnceAndALiveRefusalIsNot() {
        service = builder().outboxListener(gaveUp::add)
                .outboxPolicy(OutboxPolicy.builder().maxAttempts(2).build()).build();
        sari.answer("PUT", 61, "COURSE_PERSON_DEADLINE_VIOLATED");
        service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.VKU, MARCH.subList(0, 1)));
        assertThat(gaveUp).as("the caller of a live operation has the refusal in its result").isEmpty();

        sari.outage("INTERNAL_SERVER_ERROR");
        service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.VKU, MARCH.subList(1, 2)));
        clock.advance(Duration.ofMinutes(1));
        service.processOutbox();
        clock.advance(Duration.ofDays(1));
        service.processOutbox();

        assertThat(gaveUp).extracting(OutboxGiveUp::courseId).containsExactly(62L);
        assertThat(gaveUp.get(0).errorCode()).isEqualTo(SariErrorCode.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aThrowingListenerDoesNotStopTheRun() {
        service = builder().outboxListener(g -> {
            throw new IllegalStateException("alerting down");
        }).build();
        sari.answer("PUT", 61, "INTERNAL_SERVER_ERROR", "COURSE_PERSON_DEADLINE_VIOLATED");
        service.enroll(TENANT, ANNA, march());
        clock.advance(Duration.ofMinutes(1));

        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(4, 3, 0, 1));
    }

    @Test
    void theSummaryCountsRetriedGiveUpsSinceAnInstantAndTheOldestPendingEntry() {
        sari.answer("PUT", 61, "COURSE_PERSON_DEADLINE_VIOLATED");
        sari.answer("PUT", 62, "INTERNAL_SERVER_ERROR", "COURSE_PERSON_DEADLINE_VIOLATED");
        sari.answer("PUT", 63, "INTERNAL_SERVER_ERROR", "INTERNAL_SERVER_ERROR");
        service = builder().defaultFailurePolicy(FailurePolicy.CONTINUE).build();
        service.enroll(TENANT, ANNA, march());
        clock.advance(Duration.ofMinutes(1));
        service.processOutbox();

        OutboxSummary summary = outbox.summary(NOW);

        assertThat(summary.gaveUp()).as("part 61 was refused live, part 62 given up by the outbox").isEqualTo(1);
        assertThat(summary.firstGaveUpAt()).isEqualTo(clock.instant());
        assertThat(summary.pending()).isEqualTo(1);
        assertThat(summary.oldestPendingSince()).isEqualTo(NOW);
        assertThat(outbox.summary(clock.instant().plusSeconds(1)).gaveUp()).isZero();
    }
}
