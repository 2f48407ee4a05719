package io.github.sarisync.jdbc;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.model.CourseLocation;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.CourseChange;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOptions;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * On a real database, a part stored as CANCELLED or COMPLETED whose start has passed (so the run's
 * snapshot no longer holds it) and that SARI lists again is re-activated in its own row: no second
 * insert over it, first seen kept, its members and group as stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReactivatedPastPartOnJdbcTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);
    private static final CourseLocation HALL = new CourseLocation("Halle", "Weg 1", "8001", "Zürich");
    private static final String ANNA = "1234567";
    private static final String LUCA = "7654321";
    private static final String MIA = "1111111";

    private final Map<Dialect, TestDatabase> databases = new EnumMap<>(Dialect.class);

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void cancelledAndCompletedPartsWhoseStartPassedAreReactivatedInTheirOwnRowsWithTheirMembers(Dialect dialect) {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        db.clear();
        SimulatorClock clock = SimulatorClock.fixed(START);
        Heard heard = new Heard();
        try (SariSimulator sari = SariSimulator.builder().clock(clock).start();
             SARISyncEngine engine = engine(db, clock, heard)) {
            List.of(ANNA, LUCA, MIA).forEach(id -> sari.addStudent(new Customer(id, LocalDate.of(2004, 5, 17),
                    "Anna", "Muster", "Weg 1", "8001", "Zürich", List.of())));
            SimulatedSchool school = sari.addSchool("school-a");
            db.jdbc().tenantStore().save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()), school.credentials());
            school.addGroup(CourseType.VKU, "VKU März", List.of(part(61, 1), part(62, 3), part(63, 5)));
            school.addGroup(CourseType.VKU, "VKU Februar", List.of(part(71, 1)));
            school.addMember(61, ANNA);
            school.addMember(61, LUCA);
            sync(engine, clock);
            Instant firstSeen = clock.instant();
            StoredGroup february = db.jdbc().courseStore().load("school-a", CourseType.VKU, firstSeen).groups()
                    .get("VKU-71");
            school.setReleased(61, false);
            assertThat(sync(engine, clock).cancelled()).isOne();
            clock.advance(Duration.ofDays(2));
            assertThat(sync(engine, clock).completed()).as("71 took place").isOne();
            heard.clear();

            school.moveStart(61, START.plusDays(9).withHour(18));
            school.setReleased(61, true);
            school.moveStart(71, START.plusDays(10).withHour(18));
            school.removeMember(61, LUCA);
            school.addMember(61, MIA);
            SyncCounts counts = sync(engine, clock);

            assertThat(counts.inserted()).isZero();
            assertThat(counts.updated()).isEqualTo(2);
            assertThat(heard.added).isEmpty();
            assertThat(heard.reactivated).extracting(c -> c.partId(), c -> c.before().status(), c -> c.after().status())
                    .containsExactlyInAnyOrder(tuple(61L, CourseStatus.CANCELLED, CourseStatus.ACTIVE),
                            tuple(71L, CourseStatus.COMPLETED, CourseStatus.ACTIVE));
            assertThat(db.jdbc().courseStore().findCourses(CourseQuery.tenant("school-a")))
                    .extracting(StoredCourse::partId, StoredCourse::status, StoredCourse::firstSeenAt)
                    .containsExactlyInAnyOrder(tuple(61L, CourseStatus.ACTIVE, firstSeen),
                            tuple(62L, CourseStatus.ACTIVE, firstSeen), tuple(63L, CourseStatus.ACTIVE, firstSeen),
                            tuple(71L, CourseStatus.ACTIVE, firstSeen));
            assertThat(db.jdbc().courseStore().findMembers("school-a", 61)).extracting(StoredMember::canonicalFaberId,
                    StoredMember::firstSeenAt, StoredMember::removedAt).containsExactly(
                    tuple(MIA, clock.instant(), null), tuple(ANNA, firstSeen, null),
                    tuple(LUCA, firstSeen, clock.instant()));
            assertThat(db.jdbc().courseStore().load("school-a", CourseType.VKU, clock.instant()).groups())
                    .as("the February group as first seen").containsEntry("VKU-71", february);
            assertThat(db.count("course_groups")).isEqualTo(2);
        }
    }

    private static PartSpec part(long id, int day) {
        return PartSpec.of(id, "VKU Teil " + id, START.plusDays(day).withHour(18), HALL, 12);
    }

    private static SyncCounts sync(SARISyncEngine engine, SimulatorClock clock) {
        clock.advance(Duration.ofMinutes(10));
        TenantSyncResult result = engine.syncTenant("school-a");
        assertThat(result.outcome()).as(result.errorMessage()).isEqualTo(SyncOutcome.SUCCESS);
        return result.counts(CourseType.VKU);
    }

    private static SARISyncEngine engine(TestDatabase db, SimulatorClock clock, Heard heard) {
        SariJdbc jdbc = db.jdbc();
        return SARISyncEngine.builder().tenantStore(jdbc.tenantStore()).courseStore(jdbc.courseStore())
                .syncLogStore(jdbc.syncLogStore()).lock(jdbc.syncLock()).clock(clock).listener(heard)
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())))
                .build();
    }

    /** What the listener heard. */
    private static final class Heard implements SyncListener {
        final List<StoredCourse> added = new CopyOnWriteArrayList<>();
        final List<CourseChange> reactivated = new CopyOnWriteArrayList<>();

        @Override
        public void courseAdded(StoredCourse course) {
            added.add(course);
        }

        @Override
        public void courseReactivated(CourseChange change) {
            reactivated.add(change);
        }

        void clear() {
            added.clear();
            reactivated.clear();
        }
    }
}
