package io.github.sarisync.jdbc.outbox;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.OutboxPolicy;
import io.github.sarisync.enrollment.OutboxRunReport;
import io.github.sarisync.jdbc.Dialect;
import io.github.sarisync.jdbc.EmbeddedPostgresServer;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.testkit.SimulatorClock;
import io.github.sarisync.testkit.contract.Concurrently;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbox runs of several instances on one database drain each school under the school's sync lease in the
 * database ({@code JdbcSyncLock}), on H2 and on PostgreSQL: never two at once for one school, never while its
 * sync runs, and no further once the lease was lost.
 */
class OutboxTenantLeaseOnDatabaseTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final LocalDate BIRTHDATE = LocalDate.of(2006, 5, 14);

    private final List<Runnable> closers = new ArrayList<>();
    private RegistrationStub sari;

    @AfterEach
    void close() {
        closers.forEach(Runnable::run);
    }

    /** One database and the SariJdbc of one application instance on it; call again for another instance. */
    private DataSource database(Dialect dialect) throws IOException {
        sari = new RegistrationStub();
        closers.add(sari::close);
        if (dialect == Dialect.H2) {
            JdbcDataSource h2 = OutboxDatabases.newH2();
            closers.add(() -> shutdown(h2));
            return h2;
        }
        EmbeddedPostgresServer.Database pg = EmbeddedPostgresServer.newDatabase();
        closers.add(pg::close);
        return pg.pooled();
    }

    private EnrollmentService instance(SariJdbc jdbc, String name, Clock clock) {
        return instance(jdbc, name, clock, OutboxPolicy.defaults());
    }

    private EnrollmentService instance(SariJdbc jdbc, String name, Clock clock, OutboxPolicy policy) {
        SARIClient client = sari.client();
        return EnrollmentService.builder().clients(tenant -> client).outbox(jdbc.enrollmentOutbox())
                .syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock()).instanceId(name).clock(clock)
                .outboxPolicy(policy).build();
    }

    /** Part {@code hundred * 100 + i} of school {@code hundred}, due now. */
    private static List<OutboxEntry> dueEntries(int school, int count) {
        Instant now = Instant.now();
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(OutboxEntry.pending("s" + school + "-" + i, "op-s" + school, "school-" + school,
                    OutboxAction.ENROLL, school * 100L + i, "001234567", BIRTHDATE, now, now));
        }
        return entries;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoInstancesNeverDrainOneSchoolAtOnceAndSendEachEntryOnce(Dialect dialect) throws Exception {
        DataSource db = database(dialect);
        SariJdbc first = OutboxDatabases.installedBySariJdbc(db, dialect);
        SariJdbc second = OutboxDatabases.installedBySariJdbc(db, dialect);
        for (int school = 1; school <= 3; school++) {
            first.enrollmentOutbox().add(dueEntries(school, 4));
        }
        sari.delay(Duration.ofMillis(40));
        // two entries per run: without the lease the second instance would claim the next two of the same school
        OutboxPolicy twoPerRun = OutboxPolicy.builder().batchSize(2).build();
        List<EnrollmentService> instances = List.of(instance(first, "app-a", Clock.systemUTC(), twoPerRun),
                instance(second, "app-b", Clock.systemUTC(), twoPerRun));
        List<OutboxRunReport> reports = new ArrayList<>();

        for (int round = 0; round < 12 && !first.enrollmentOutbox()
                .list(OutboxQuery.all().withState(OutboxState.PENDING)).isEmpty(); round++) {
            reports.addAll(Concurrently.run(2, i -> instances.get(i).processOutbox()));
        }

        assertThat(sari.calls()).as("each registration sent once").doesNotHaveDuplicates().hasSize(12);
        assertThat(sari.mostAtOnceInOneHundred()).as("one school's calls never overlap").isEqualTo(1);
        assertThat(reports.stream().mapToInt(OutboxRunReport::succeeded).sum()).isEqualTo(12);
        assertThat(reports.stream().mapToInt(OutboxRunReport::lostClaims).sum()).isZero();
        assertThat(first.enrollmentOutbox().list(OutboxQuery.all()))
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(OutboxState.SUCCEEDED));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aSchoolWhoseSyncIsRunningIsSkippedAndDrainedByTheNextRun(Dialect dialect) throws Exception {
        SariJdbc jdbc = OutboxDatabases.installedBySariJdbc(database(dialect), dialect);
        jdbc.enrollmentOutbox().add(dueEntries(1, 2));
        jdbc.enrollmentOutbox().add(dueEntries(2, 1));
        Lease sync = jdbc.syncLock().tryAcquire(SyncLock.tenantLeaseName("school-1"), "engine-x#12345678", LEASE)
                .orElseThrow();
        EnrollmentService outbox = instance(jdbc, "app-a", Clock.systemUTC());

        OutboxRunReport whileSyncing = outbox.processOutbox();

        assertThat(whileSyncing).isEqualTo(new OutboxRunReport(1, 1, 0, 0, 0, 1, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 200");
        assertThat(jdbc.enrollmentOutbox().find("s1-0").orElseThrow().claimToken()).isNull();

        jdbc.syncLock().release(sync);
        OutboxRunReport after = outbox.processOutbox();

        assertThat(after).isEqualTo(new OutboxRunReport(2, 2, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 200", "PUT 100", "PUT 101");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDrainThatLostTheSchoolsLeaseStopsSendingForItAndReleasesItsEntries(Dialect dialect) throws Exception {
        SariJdbc jdbc = OutboxDatabases.installedBySariJdbc(database(dialect), dialect);
        jdbc.enrollmentOutbox().add(dueEntries(1, 3));
        SimulatorClock clock = SimulatorClock.fixed(Instant.now().plusSeconds(1));
        EnrollmentService outbox = instance(jdbc, "app-a", clock);
        AtomicReference<Lease> thief = new AtomicReference<>();
        sari.whileAnswering("PUT 100", () -> {
            // the drain stalls past its lease; a sync on another instance takes the school over
            jdbc.jdbi().useHandle(h -> h.createUpdate("UPDATE " + jdbc.tablePrefix() + "locks SET expires_at ="
                    + " locked_at WHERE name = :name").bind("name", SyncLock.tenantLeaseName("school-1")).execute());
            thief.set(jdbc.syncLock().tryAcquire(SyncLock.tenantLeaseName("school-1"), "engine-y#87654321", LEASE)
                    .orElseThrow());
            clock.advance(LEASE.dividedBy(2));
        });

        OutboxRunReport stopped = outbox.processOutbox();

        assertThat(stopped).isEqualTo(new OutboxRunReport(1, 1, 0, 0, 0, 0, 1, 0));
        assertThat(sari.calls()).containsExactly("PUT 100");
        assertThat(List.of("s1-1", "s1-2")).allSatisfy(id -> {
            OutboxEntry left = jdbc.enrollmentOutbox().find(id).orElseThrow();
            assertThat(left.state()).isEqualTo(OutboxState.PENDING);
            assertThat(left.attempts()).isZero();
            assertThat(left.claimToken()).isNull();
        });

        jdbc.syncLock().release(thief.get());
        assertThat(outbox.processOutbox()).isEqualTo(new OutboxRunReport(2, 2, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 100", "PUT 101", "PUT 102");
    }

    private static void shutdown(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot shut H2 down", e);
        }
    }
}
