package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.enrollment.CourseSelection;
import io.github.sarisync.enrollment.EnrollmentResult;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.EnrollmentStatus;
import io.github.sarisync.enrollment.OutboxRunReport;
import io.github.sarisync.enrollment.PartOutcome;
import io.github.sarisync.enrollment.Student;
import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.SyncRun;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC outbox keeps what an outage left undone across a restart, and the next instance carries it out. */
class OutboxSurvivesRestartTest {
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final Student ANNA = Student.of("001234567", LocalDate.of(2006, 5, 14));
    private static final List<Course> PARTS = LongStream.range(0, 4).mapToObj(i -> new Course(61 + i, "VKU Teil " + i,
            ZonedDateTime.of(2027, 3, 10 + (int) i, 18, 0, 0, 0, ZoneId.of("Europe/Zurich")), null, 10)).toList();

    private JdbcDataSource dataSource;
    private RegistrationStub sari;

    @BeforeEach
    void start() throws IOException {
        dataSource = OutboxDatabases.newH2();
        sari = new RegistrationStub();
    }

    @AfterEach
    void stop() throws SQLException {
        sari.close();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private EnrollmentService instance(Instant now) {
        SariJdbc jdbc = OutboxDatabases.installedBySariJdbc(dataSource, Dialect.H2);
        SARIClient client = sari.client();
        return EnrollmentService.builder().clients(tenant -> client).outbox(jdbc.enrollmentOutbox())
                .syncLogStore(jdbc.syncLogStore()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void anEnrolmentQueuedDuringAnOutageIsCarriedOutAfterARestart() {
        sari.outage(true);
        EnrollmentResult queued = instance(NOW).enroll("school-1", ANNA, CourseSelection.parts(CourseType.VKU, PARTS));
        assertThat(queued.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(queued.courseIds(PartOutcome.QUEUED)).containsExactly(61L, 62L, 63L, 64L);

        sari.outage(false);
        EnrollmentService restarted = instance(NOW.plus(Duration.ofMinutes(1)));
        List<OutboxEntry> waiting = restarted.outboxEntries(queued.operationId());
        assertThat(waiting).extracting(OutboxEntry::state).containsOnly(OutboxState.PENDING);
        assertThat(waiting).allSatisfy(e -> assertThat(e.birthdate()).isEqualTo(ANNA.birthdate()));

        OutboxRunReport report = restarted.processOutbox();

        assertThat(report).isEqualTo(new OutboxRunReport(4, 4, 0, 0));
        assertThat(sari.registered()).containsExactlyInAnyOrder(61L, 62L, 63L, 64L);
        assertThat(restarted.outboxEntries(queued.operationId())).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.SUCCEEDED);
            assertThat(e.birthdate()).isNull();
        });
        SariJdbc jdbc = OutboxDatabases.installedBySariJdbc(dataSource, Dialect.H2);
        List<SyncRun> runs = jdbc.syncLogStore().recentRuns("school-1", 10);
        assertThat(runs).hasSize(5).allSatisfy(run -> {
            assertThat(run.operation()).isEqualTo("ENROLL");
            assertThat(run.detail()).contains("****567").doesNotContain("1234567", "2006-05-14");
        });
    }
}
