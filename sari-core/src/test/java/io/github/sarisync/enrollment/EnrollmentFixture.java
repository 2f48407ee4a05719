package io.github.sarisync.enrollment;

import io.github.sarisync.TestClock;
import io.github.sarisync.memory.InMemoryEnrollmentOutbox;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.License;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.SyncRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A fake SARI, an in-memory outbox and run log, a settable clock, and two four-part VKU courses. */
abstract class EnrollmentFixture {
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    static final String TENANT = "school-1";
    static final String FABER_ID = "001234567";
    static final LocalDate BIRTHDATE = LocalDate.of(2006, 5, 14);
    static final Student ANNA = Student.of(FABER_ID, BIRTHDATE);
    /** Parts 61-64, one a day from 10 March 2027, 18:00 in Zurich. */
    static final List<Course> MARCH = parts(61, ZonedDateTime.of(2027, 3, 10, 18, 0, 0, 0, ZURICH));
    /** Parts 71-74, one a day from 20 March 2027. */
    static final List<Course> LATE_MARCH = parts(71, ZonedDateTime.of(2027, 3, 20, 18, 0, 0, 0, ZURICH));

    FakeSari sari;
    TestClock clock;
    InMemoryEnrollmentOutbox outbox;
    RecordingRunLog runLog;
    EnrollmentService service;

    @BeforeEach
    void startSari() throws IOException {
        sari = new FakeSari();
        sari.student(FABER_ID, BIRTHDATE, new License("B", LocalDate.of(2030, 1, 1)));
        clock = new TestClock(NOW);
        outbox = new InMemoryEnrollmentOutbox(clock);
        runLog = new RecordingRunLog();
        service = builder().build();
    }

    @AfterEach
    void stopSari() {
        sari.close();
    }

    EnrollmentService.Builder builder() {
        var client = sari.client();
        return EnrollmentService.builder().clients(tenant -> client).syncLogStore(runLog).outbox(outbox)
                .clock(clock);
    }

    static List<Course> parts(long firstId, ZonedDateTime firstStart) {
        return LongStream.range(0, 4).mapToObj(i -> new Course(firstId + i, "VKU Teil " + (i + 1),
                firstStart.plusDays(i), null, 10)).toList();
    }

    static CourseSelection march() {
        return CourseSelection.parts(CourseType.VKU, MARCH);
    }

    static CourseSelection lateMarch() {
        return CourseSelection.parts(CourseType.VKU, LATE_MARCH);
    }

    void assertMemberOf(long... courseIds) {
        for (long id : LongStream.concat(MARCH.stream().mapToLong(Course::id), LATE_MARCH.stream().mapToLong(Course::id))
                .toArray()) {
            boolean expected = LongStream.of(courseIds).anyMatch(c -> c == id);
            assertThat(sari.isMember(id, FABER_ID)).as("member of part %d", id).isEqualTo(expected);
        }
    }

    List<OutboxState> outboxStates(EnrollmentResult result) {
        return service.outboxEntries(result.operationId()).stream().map(OutboxEntry::state).toList();
    }

    SyncRun runOf(EnrollmentResult result) {
        return runLog.run(result.operationId());
    }
}
