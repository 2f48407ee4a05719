package io.github.sarisync.sync;

import io.github.sarisync.client.RateLimit;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
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
import io.github.sarisync.testkit.PartSpec;
import io.github.sarisync.testkit.SariSimulator;
import io.github.sarisync.testkit.SimulatedSchool;
import io.github.sarisync.testkit.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A part stored as CANCELLED or COMPLETED whose start has passed is no longer in the snapshot the
 * engine loads each run; when SARI lists it again (its date moved), it is still the stored part:
 * re-activated with before and after, one row, first seen kept, its members and group as stored.
 */
class ReactivatedPastPartSyncTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);
    private static final CourseLocation HALL = new CourseLocation("Fahrschule Muster", "Bahnhofstrasse 1", "8001",
            "Zürich");
    private static final String ANNA = "1234567";
    private static final String LUCA = "7654321";
    private static final String MIA = "1111111";

    private final SimulatorClock clock = SimulatorClock.fixed(START);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(SariSimulator.hostPolicy());
    private final InMemoryCourseStore courses = new InMemoryCourseStore();
    private final Heard heard = new Heard();
    private SariSimulator sari;
    private SimulatedSchool school;
    private SARISyncEngine engine;

    @BeforeEach
    void start() {
        sari = SariSimulator.builder().clock(clock).start();
        List.of(ANNA, LUCA, MIA).forEach(id -> sari.addStudent(new Customer(id, LocalDate.of(2004, 5, 17), "Anna",
                "Muster", "Weg 1", "8001", "Zürich", List.of())));
        school = sari.addSchool("school-a");
        tenants.save(Tenant.of("school-a", "Fahrschule A", sari.baseUri()), school.credentials());
        engine = SARISyncEngine.builder().tenantStore(tenants).courseStore(courses)
                .syncLogStore(new InMemorySyncLogStore()).clock(clock).listener(heard)
                .options(SyncOptions.builder().hostPolicy(SariSimulator.hostPolicy()).build())
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())))
                .build();
    }

    @AfterEach
    void stop() {
        engine.close();
        sari.close();
    }

    private static PartSpec part(long id, int day) {
        return PartSpec.of(id, "VKU Teil " + id, START.plusDays(day).withHour(18), HALL, 12);
    }

    @Test
    void aCancelledPartWhoseStartPassedListedAgainIsReactivatedWithItsRowFirstSeenAndMembers() {
        school.addGroup(CourseType.VKU, "VKU März", List.of(part(61, 1), part(62, 3), part(63, 5)));
        school.addMember(61, ANNA);
        school.addMember(61, LUCA);
        sync();
        Instant firstSeen = clock.instant();
        school.setReleased(61, false);
        assertThat(sync().cancelled()).isOne();
        clock.advance(Duration.ofDays(2));
        assertThat(sync()).as("the cancelled part's start has passed: nothing to do")
                .isEqualTo(new SyncCounts(0, 0, 2, 0, 0, 0, 0, 0));
        heard.clear();

        school.moveStart(61, START.plusDays(9).withHour(18));
        school.setReleased(61, true);
        school.removeMember(61, LUCA);
        school.addMember(61, MIA);
        SyncCounts counts = sync();

        assertThat(counts.inserted()).isZero();
        assertThat(counts.updated()).isOne();
        assertThat(heard.added).isEmpty();
        assertThat(heard.reactivated).singleElement().satisfies(change -> {
            assertThat(change.partId()).isEqualTo(61);
            assertThat(change.before().status()).isEqualTo(CourseStatus.CANCELLED);
            assertThat(change.before().startsAt()).isEqualTo(zurich(START.plusDays(1).withHour(18)));
            assertThat(change.after().status()).isEqualTo(CourseStatus.ACTIVE);
            assertThat(change.after().startsAt()).isEqualTo(zurich(START.plusDays(9).withHour(18)));
            assertThat(change.after().firstSeenAt()).isEqualTo(firstSeen);
            assertThat(change.changed()).containsExactly(ChangedField.STARTS_AT);
        });
        assertThat(courses.findCourses(CourseQuery.tenant("school-a"))).filteredOn(c -> c.partId() == 61)
                .singleElement().satisfies(row -> {
                    assertThat(row.status()).isEqualTo(CourseStatus.ACTIVE);
                    assertThat(row.firstSeenAt()).isEqualTo(firstSeen);
                    assertThat(row.statusChangedAt()).isEqualTo(clock.instant());
                });
        assertThat(heard.membersAdded).extracting(StoredMember::canonicalFaberId).containsExactly(MIA);
        assertThat(heard.membersRemoved).extracting(StoredMember::canonicalFaberId).containsExactly(LUCA);
        assertThat(courses.findMembers("school-a", 61)).extracting(StoredMember::canonicalFaberId,
                StoredMember::firstSeenAt, StoredMember::removedAt).containsExactly(
                tuple(MIA, clock.instant(), null),
                tuple(ANNA, firstSeen, null),
                tuple(LUCA, firstSeen, clock.instant()));
    }

    @Test
    void aCompletedPartListedAgainAtANewDateIsReactivatedAndItsGroupKeepsItsKeyAndFirstSeen() {
        school.addGroup(CourseType.VKU, "VKU Februar", List.of(part(71, 1)));
        sync();
        Instant firstSeen = clock.instant();
        StoredGroup group = courses.load("school-a", CourseType.VKU, clock.instant()).groups().values().iterator()
                .next();
        clock.advance(Duration.ofDays(2));
        assertThat(sync().completed()).isOne();
        clock.advance(Duration.ofHours(1));
        heard.clear();

        school.moveStart(71, START.plusDays(9).withHour(18));
        sync();

        assertThat(heard.added).isEmpty();
        assertThat(heard.reactivated).singleElement().satisfies(change -> {
            assertThat(change.before().status()).isEqualTo(CourseStatus.COMPLETED);
            assertThat(change.after().status()).isEqualTo(CourseStatus.ACTIVE);
            assertThat(change.after().groupKey()).isEqualTo(group.groupKey());
        });
        assertThat(courses.findCourses(CourseQuery.tenant("school-a"))).singleElement()
                .satisfies(row -> assertThat(row.firstSeenAt()).isEqualTo(firstSeen));
        assertThat(courses.load("school-a", CourseType.VKU, clock.instant()).groups())
                .containsOnlyKeys(group.groupKey())
                .hasEntrySatisfying(group.groupKey(), g -> assertThat(g.firstSeenAt()).isEqualTo(firstSeen));
    }

    private SyncCounts sync() {
        clock.advance(Duration.ofMinutes(10));
        TenantSyncResult result = engine.syncTenant("school-a");
        assertThat(result.outcome()).as(result.errorMessage()).isEqualTo(SyncOutcome.SUCCESS);
        return result.counts(CourseType.VKU);
    }

    private static Instant zurich(LocalDateTime local) {
        return local.atZone(StoredCourse.SWISS).toInstant();
    }

    /** What the listener heard. */
    private static final class Heard implements SyncListener {
        final List<StoredCourse> added = new CopyOnWriteArrayList<>();
        final List<CourseChange> reactivated = new CopyOnWriteArrayList<>();
        final List<StoredMember> membersAdded = new CopyOnWriteArrayList<>();
        final List<StoredMember> membersRemoved = new CopyOnWriteArrayList<>();

        @Override
        public void courseAdded(StoredCourse course) {
            added.add(course);
        }

        @Override
        public void courseReactivated(CourseChange change) {
            reactivated.add(change);
        }

        @Override
        public void memberAdded(StoredMember member) {
            membersAdded.add(member);
        }

        @Override
        public void memberRemoved(StoredMember member) {
            membersRemoved.add(member);
        }

        void clear() {
            added.clear();
            reactivated.clear();
            membersAdded.clear();
            membersRemoved.clear();
        }
    }
}
