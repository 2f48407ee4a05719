package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.enrollment.CourseSelection;
import io.github.sarisync.enrollment.EnrollmentResult;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.EnrollmentStatus;
import io.github.sarisync.enrollment.OutboxRunReport;
import io.github.sarisync.enrollment.Student;
import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.model.Course;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;
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
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims on the JDBC outbox expire in the database's clock: an instance whose clock is an hour behind
 * still holds its entries against an instance with the right time while SARI keeps it waiting.
 */
class OutboxClaimsInDatabaseClockTest {
    private static final Duration HOUR_BEHIND = Duration.ofHours(-1);
    private static final Student ANNA = Student.of("001234567", LocalDate.of(2006, 5, 14));
    private static final List<Course> PARTS = LongStream.range(0, 4).mapToObj(i -> new Course(61 + i, "VKU Teil " + i,
            ZonedDateTime.now(ZoneId.of("Europe/Zurich")).plusDays(10 + i), null, 10)).toList();

    private JdbcDataSource dataSource;
    private SariJdbc jdbc;
    private RegistrationStub sari;

    @BeforeEach
    void start() throws IOException {
        dataSource = OutboxDatabases.newH2();
        jdbc = OutboxDatabases.installedBySariJdbc(dataSource, Dialect.H2);
        sari = new RegistrationStub();
    }

    @AfterEach
    void stop() throws SQLException {
        sari.close();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private EnrollmentService instance(Clock clock) {
        SARIClient client = sari.client();
        return EnrollmentService.builder().clients(tenant -> client).outbox(jdbc.enrollmentOutbox())
                .syncLogStore(jdbc.syncLogStore()).clock(clock).build();
    }

    /** While SARI holds back the answer to {@code call}, an instance with the right time runs the outbox. */
    private AtomicReference<OutboxRunReport> punctualInstanceDuring(String call) {
        EnrollmentService punctual = instance(Clock.systemUTC());
        AtomicReference<OutboxRunReport> report = new AtomicReference<>();
        sari.whileAnswering(call, () -> report.set(punctual.processOutbox()));
        return report;
    }

    @Test
    void aLiveEnrolmentOnAnInstanceWhoseClockIsAnHourBehindHoldsItsPartsAgainstOtherInstances() {
        EnrollmentService late = instance(Clock.offset(Clock.systemUTC(), HOUR_BEHIND));
        AtomicReference<OutboxRunReport> during = punctualInstanceDuring("PUT 61");

        EnrollmentResult result = late.enroll("school-1", ANNA, CourseSelection.parts(CourseType.VKU, PARTS));

        assertThat(during.get()).isEqualTo(OutboxRunReport.EMPTY);
        assertThat(result.status()).isEqualTo(EnrollmentStatus.SUCCEEDED);
        assertThat(sari.calls()).containsExactly("PUT 61", "PUT 62", "PUT 63", "PUT 64");
    }

    @Test
    void anOutboxRunOnAnInstanceWhoseClockIsAnHourBehindHoldsItsClaimsAgainstOtherInstances() {
        Instant longDue = Instant.now().minus(Duration.ofHours(2));
        jdbc.enrollmentOutbox().add(LongStream.range(61, 65).mapToObj(id -> OutboxEntry.pending("e" + id, "op-1",
                "school-1", OutboxAction.ENROLL, id, ANNA.faberId(), ANNA.birthdate(), longDue, longDue)).toList());
        EnrollmentService late = instance(Clock.offset(Clock.systemUTC(), HOUR_BEHIND));
        AtomicReference<OutboxRunReport> during = punctualInstanceDuring("PUT 61");

        OutboxRunReport report = late.processOutbox();

        assertThat(during.get()).isEqualTo(OutboxRunReport.EMPTY);
        assertThat(report).isEqualTo(new OutboxRunReport(4, 4, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 61", "PUT 62", "PUT 63", "PUT 64");
        assertThat(jdbc.enrollmentOutbox().list(OutboxQuery.all())).extracting(OutboxEntry::state)
                .containsOnly(OutboxState.SUCCEEDED);
    }

    @Test
    void aClaimExpiresAfterItsLeaseInTheDatabasesClockWhateverTheCallersClockSays() {
        Instant longDue = Instant.now().minus(Duration.ofHours(2));
        jdbc.enrollmentOutbox().add(List.of(OutboxEntry.pending("e61", "op-1", "school-1", OutboxAction.ENROLL, 61,
                ANNA.faberId(), ANNA.birthdate(), longDue, longDue)));
        Instant before = OutboxDatabases.databaseNow(jdbc);

        OutboxEntry claimed = jdbc.enrollmentOutbox().claimDue(Instant.now().plus(Duration.ofDays(365)),
                Duration.ofMinutes(5), 10).get(0);

        assertThat(claimed.claimedUntil()).isBetween(before.plus(Duration.ofMinutes(5)),
                OutboxDatabases.databaseNow(jdbc).plus(Duration.ofMinutes(5)));
    }
}
