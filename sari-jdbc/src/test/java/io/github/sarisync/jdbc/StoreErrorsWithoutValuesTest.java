package io.github.sarisync.jdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.FieldLimits;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.ForwardingCourseStore;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SchoolGenerator;
import io.github.sarisync.testkit.SimulatedSchool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.github.sarisync.testkit.contract.CourseFixtures.changes;
import static io.github.sarisync.testkit.contract.CourseFixtures.group;
import static io.github.sarisync.testkit.contract.CourseFixtures.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A store error tells what failed (the SQLState and its kind) but never a bound value: not in the
 * exception (message, causes, stack trace text), not in the run log, not in the logs. H2 quotes
 * the value in the first line of "Value too long for column", PostgreSQL repeats every value of a
 * failed batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreErrorsWithoutValuesTest {
    private static final String TENANT = "tenant-1";
    /** Stands for a student's name: no message may contain any of it. */
    private static final String NAME = "Kx7QzAnnaMuster";
    private static final String FABER_ID = "004711815";
    private static final LocalDate BIRTHDATE = LocalDate.of(2003, 9, 14);
    private final Map<Dialect, TestDatabase> databases = new EnumMap<>(Dialect.class);

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    private TestDatabase database(Dialect dialect) {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        db.clear();
        return db;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aValueTooLongForItsColumnFailsTheApplyWithTheSqlStateAndWithoutAnyValue(Dialect dialect) {
        TestDatabase db = database(dialect);
        StoredCourse course = part(TENANT, CourseType.VKU, 61, "g1", 3);
        StoredMember member = new StoredMember(TENANT, 61, FABER_ID, "4711815", NAME + "x".repeat(300), NAME,
                BIRTHDATE, null, Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T08:00:00Z"), null);
        ChangeSet change = changes(TENANT, CourseType.VKU).newGroups(group(TENANT, CourseType.VKU, "g1"))
                .inserts(course).memberUpserts(member).build();

        JdbcStoreException e = catchThrowableOfType(JdbcStoreException.class,
                () -> db.jdbc().courseStore().apply(change));

        assertThat(e.sqlState()).isEqualTo("22001");
        assertThat(e.getMessage()).contains("SQLState 22001", "data exception");
        assertThat(everythingPrintedOf(e)).doesNotContain(NAME.substring(0, 5), "4711815", "2003-09-14", "INSERT",
                "MERGE");
        assertThat(db.jdbc().courseStore().findCourses(CourseQuery.tenant(TENANT))).as("nothing written").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aRunWhoseWriteFailsOnAValueLeavesNoValueInTheRunLogOrTheLogs(Dialect dialect) {
        TestDatabase db = database(dialect);
        Logger library = (Logger) LoggerFactory.getLogger("io.github.sarisync");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        library.addAppender(logs);
        Level level = library.getLevel();
        library.setLevel(Level.DEBUG);
        try (SariSimulator sari = SariSimulator.start()) {
            SimulatedSchool school = SchoolGenerator.builder().schools(1).vku(1, 2).pgs(1, 1).membersPerPart(1)
                    .seed(7).build().populate(sari).get(0);
            long partId = school.courses(CourseType.VKU).get(0).courses().get(0).id();
            sari.addStudent(new Customer(FABER_ID, BIRTHDATE, NAME + "x".repeat(300), NAME, "Weg 1", "3000", "Bern",
                    List.of()));
            school.addMember(partId, FABER_ID);
            db.jdbc().tenantStore().save(Tenant.of(TENANT, "School", sari.baseUri()), school.credentials());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // a store that claims no limits lets the over-long name reach the database
            try (SARISyncEngine engine = SARISyncEngine.builder().tenantStore(db.jdbc().tenantStore())
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                    .courseStore(new WithoutLimits(db.jdbc().courseStore())).syncLogStore(db.jdbc().syncLogStore())
                    .lock(db.jdbc().syncLock())
                    .clientFactory(SariClientFactory.customized(b -> b.httpClient(http)
                            .rateLimit(RateLimit.unlimited())))
                    .build()) {
                TenantSyncResult result = engine.syncTenant(TENANT);

                assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
                assertThat(result.errorMessage()).contains("courseStore.apply failed", "22001")
                        .doesNotContain(NAME.substring(0, 5), "4711815", "2003-09-14");
            }
        } finally {
            library.detachAppender(logs);
            library.setLevel(level);
        }
        assertThat(db.jdbc().syncLogStore().recentRuns(TENANT, 5)).isNotEmpty().allSatisfy(run ->
                assertThat(run.errorMessage() + " " + run.detail())
                        .doesNotContain(NAME.substring(0, 5), "4711815", "2003-09-14"));
        assertThat(db.jdbc().tenantStore().find(TENANT).orElseThrow().state().lastErrorMessage())
                .doesNotContain(NAME.substring(0, 5), "4711815", "2003-09-14");
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage() + " "
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .doesNotContain(NAME.substring(0, 5), "4711815", "2003-09-14"));
    }

    /** The message, the causes' messages and the stack trace text, as a log would print them. */
    private static String everythingPrintedOf(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** A course store that delegates everything but claims to have no length limits. */
    private static final class WithoutLimits extends ForwardingCourseStore {
        WithoutLimits(CourseStore store) {
            super(store);
        }

        @Override
        public FieldLimits limits() {
            return FieldLimits.unlimited();
        }
    }
}
