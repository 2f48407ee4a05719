package io.github.sarisync.enrollment;

import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.OutboxSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A give-up is known to health from the outbox alone and is told to the listener once, also when the process
 * that gave up died before telling.
 */
class OutboxGiveUpAfterCrashTest extends EnrollmentFixture {
    private static final Duration GRACE = OutboxPolicy.defaults().claimLease();

    private final List<OutboxGiveUp> told = new ArrayList<>();

    private OutboxEntry queued(String id, long courseId) {
        return OutboxEntry.pending(id, "op-" + id, TENANT, OutboxAction.ENROLL, courseId, FABER_ID, BIRTHDATE, NOW,
                NOW);
    }

    /** What a process that died right after writing its give-up leaves: the give-up stored, nobody told. */
    private void givenUpByADeadProcess(String id, long courseId) {
        outbox.add(List.of(queued(id, courseId)));
        OutboxEntry claimed = outbox.claimDue(NOW, GRACE, 10).get(0);
        outbox.update(claimed.giveUp("COURSE_NOT_FOUND", clock.instant()));
    }

    @Test
    void aChangeLeftByACrashedOperationAndRefusedOnItsFirstAttemptCountsAsGivenUpForHealth() {
        outbox.addClaimed(List.of(queued("e61", 61)), GRACE);
        sari.answer("PUT", 61, "COURSE_PERSON_DEADLINE_VIOLATED");
        clock.advance(GRACE);
        service = builder().outboxListener(told::add).build();

        OutboxRunReport report = service.processOutbox();

        assertThat(report).isEqualTo(new OutboxRunReport(1, 0, 0, 1));
        OutboxEntry entry = outbox.find("e61").orElseThrow();
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.gaveUpAt()).as("stamped in the store's clock").isEqualTo(clock.instant());
        assertThat(entry.giveUpAnnounced()).isTrue();
        assertThat(outbox.summary(NOW)).isEqualTo(new OutboxSummary(1, clock.instant(), clock.instant(), 0, null));
        assertThat(told).extracting(OutboxGiveUp::entryId).containsExactly("e61");
    }

    @Test
    void aRefusalAnsweredToALiveCallerIsNoGiveUp() {
        sari.answer("PUT", 61, "COURSE_PERSON_DEADLINE_VIOLATED");
        service = builder().outboxListener(told::add).build();

        EnrollmentResult result = service.enroll(TENANT, ANNA, CourseSelection.parts(CourseType.VKU,
                MARCH.subList(0, 1)));

        OutboxEntry entry = outbox.find(result.part(61).orElseThrow().outboxEntryId()).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
        assertThat(entry.gaveUpAt()).isNull();
        assertThat(outbox.summary(NOW).gaveUp()).isZero();
        assertThat(told).isEmpty();
    }

    @Test
    void aGiveUpTheDyingProcessDidNotTellIsToldOnceByALaterRunAfterTheGracePeriod() {
        clock.advance(Duration.ofMinutes(1));
        givenUpByADeadProcess("e62", 62);
        Instant gaveUpAt = clock.instant();
        service = builder().outboxListener(told::add).build();

        assertThat(service.processOutbox().lateGiveUps()).as("the process that gave up may still tell it").isZero();
        clock.advance(GRACE);
        OutboxRunReport late = service.processOutbox();
        OutboxRunReport again = service.processOutbox();

        assertThat(late).isEqualTo(new OutboxRunReport(0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(again.lateGiveUps()).isZero();
        assertThat(told).hasSize(1);
        OutboxGiveUp giveUp = told.get(0);
        assertThat(giveUp.entryId()).isEqualTo("e62");
        assertThat(giveUp.gaveUpAt()).as("when it was given up, not when it was told").isEqualTo(gaveUpAt);
        assertThat(giveUp.errorCode()).isEqualTo(SariErrorCode.COURSE_NOT_FOUND);
        assertThat(giveUp.toString()).doesNotContain(FABER_ID).doesNotContain(BIRTHDATE.toString());
        assertThat(outbox.find("e62").orElseThrow().giveUpAnnounced()).isTrue();
    }

    @Test
    void whenTwoInstancesRunTheOutboxEachGiveUpIsToldByOneOfThem() {
        givenUpByADeadProcess("e61", 61);
        givenUpByADeadProcess("e62", 62);
        List<OutboxGiveUp> toldByOther = new ArrayList<>();
        EnrollmentService other = builder().outboxListener(toldByOther::add).build();
        service = builder().outboxListener(told::add).build();
        clock.advance(GRACE);
        sari.answer("PUT", 63, "COURSE_NOT_FOUND");
        outbox.add(List.of(queued("e63", 63)));

        OutboxRunReport first = service.processOutbox();
        OutboxRunReport second = other.processOutbox();

        assertThat(first.lateGiveUps()).isEqualTo(2);
        assertThat(first.failedPermanently()).isEqualTo(1);
        assertThat(told).extracting(OutboxGiveUp::entryId).containsExactly("e61", "e62", "e63");
        assertThat(second.lateGiveUps()).isZero();
        assertThat(toldByOther).isEmpty();
    }

    @Test
    void aGiveUpAnotherProcessAlreadyToldIsNotToldAgain() {
        givenUpByADeadProcess("e61", 61);
        assertThat(outbox.markGiveUpAnnounced("e61")).isTrue();
        clock.advance(GRACE);
        service = builder().outboxListener(told::add).build();

        service.processOutbox();

        assertThat(told).isEmpty();
        assertThat(outbox.markGiveUpAnnounced("e61")).isFalse();
    }
}
