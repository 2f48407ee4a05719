package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The change events a host acts on: back on after a cancellation, a moved or changed part, a confirmation. */
class SyncChangeEventsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String GROUP = "{\"name\":\"VKU März\",\"date\":\"2026-03-20 00:00\",\"courses\":[%s]}";
    private static final String FABER_ID = "001234567";

    private final TestClock clock = new TestClock(T0);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final FailingCourseStore courses = new FailingCourseStore();
    private final Heard heard = new Heard();
    private TinySari sari;
    private SARISyncEngine engine;

    @BeforeEach
    void start() throws IOException {
        sari = new TinySari();
        for (long partId = 61; partId <= 64; partId++) {
            members(partId);
        }
        tenants.save(Tenant.of("tenant-1", "Fahrschule Eins", sari.baseUri()),
                new SariCredentials("client", "client-secret", "school", "school-password"));
        engine = SARISyncEngine.builder().tenantStore(tenants).courseStore(courses).syncLogStore(new InMemorySyncLogStore())
                .clock(clock).listener(heard)
                .options(SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK).memberPolicy(MemberPolicy.ALL).build())
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();
    }

    @AfterEach
    void stop() {
        engine.close();
        sari.close();
    }

    @Test
    void aCancelledPartListedAgainIsActiveAgainAndTheListenerHearsItIsBackOn() {
        vku(part(61, "2026-03-20 08:00", 10), part(62, "2026-03-21 08:00", 10), part(63, "2026-03-22 08:00", 10),
                part(64, "2026-03-23 08:00", 10));
        sync();
        vku(part(61, "2026-03-20 08:00", 10), part(62, "2026-03-21 08:00", 10), part(63, "2026-03-22 08:00", 10));
        sync();
        assertThat(status(64)).isEqualTo(CourseStatus.CANCELLED);
        heard.clear();
        vku(part(61, "2026-03-20 08:00", 10), part(62, "2026-03-21 08:00", 10), part(63, "2026-03-22 08:00", 10),
                part(64, "2026-03-23 08:00", 7));

        TenantSyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(status(64)).isEqualTo(CourseStatus.ACTIVE);
        assertThat(heard.reactivated).singleElement().satisfies(change -> {
            assertThat(change.tenantId()).isEqualTo("tenant-1");
            assertThat(change.partId()).isEqualTo(64);
            assertThat(change.before().status()).isEqualTo(CourseStatus.CANCELLED);
            assertThat(change.after().status()).isEqualTo(CourseStatus.ACTIVE);
            assertThat(change.after().statusChangedAt()).isEqualTo(clock.instant());
            assertThat(change.changed()).containsExactly(ChangedField.FREE_PLACES);
            assertThat(change.before().freePlaces()).isEqualTo(10);
            assertThat(change.after().freePlaces()).isEqualTo(7);
        });
        assertThat(heard.added).isEmpty();
        assertThat(heard.changed).as("a re-activated part is told once, as re-activated").isEmpty();
    }

    @Test
    void aMovedDateAChangedPlaceAndChangedFreePlacesAreHeardWithBeforeAndAfterOncePerPart() {
        vku(part(61, "2026-03-20 08:00", 10), part(62, "2026-03-21 08:00", 10), part(63, "2026-03-22 08:00", 10),
                part(64, "2026-03-23 08:00", 10));
        sync();
        heard.clear();
        vku(part(61, "2026-03-27 13:30", 10), part(62, "2026-03-21 08:00", 4),
                part(63, "2026-03-22 08:00", 10, "Winterthur"), renamed(part(64, "2026-03-23 08:00", 10)));

        sync();

        assertThat(heard.changed).extracting(CourseChange::partId).containsExactlyInAnyOrder(61L, 62L, 63L);
        CourseChange moved = heard.change(61);
        assertThat(moved.changed()).containsExactly(ChangedField.STARTS_AT);
        assertThat(moved.before().startsAt()).isEqualTo(Instant.parse("2026-03-20T07:00:00Z"));
        assertThat(moved.after().startsAt()).isEqualTo(Instant.parse("2026-03-27T12:30:00Z"));
        CourseChange places = heard.change(62);
        assertThat(places.changed()).containsExactly(ChangedField.FREE_PLACES);
        assertThat(places.before().freePlaces()).isEqualTo(10);
        assertThat(places.after().freePlaces()).isEqualTo(4);
        CourseChange place = heard.change(63);
        assertThat(place.changed()).containsExactly(ChangedField.LOCATION);
        assertThat(place.before().location().city()).isEqualTo("Zürich");
        assertThat(place.after().location().city()).isEqualTo("Winterthur");
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).filteredOn(c -> c.partId() == 61)
                .extracting(StoredCourse::startsAt).containsExactly(Instant.parse("2026-03-27T12:30:00Z"));
        assertThat(heard.reactivated).isEmpty();
    }

    @Test
    void severalChangesOfOnePartAreOneEventAndAnUnchangedRunTellsNothing() {
        vku(part(61, "2026-03-20 08:00", 10));
        sync();
        heard.clear();
        vku(part(61, "2026-03-20 10:00", 3, "Winterthur"));

        sync();
        sync();

        assertThat(heard.changed).singleElement().satisfies(change -> assertThat(change.changed())
                .containsExactlyInAnyOrder(ChangedField.STARTS_AT, ChangedField.LOCATION, ChangedField.FREE_PLACES));
    }

    @Test
    void aRegistrationConfirmedInSariIsHeardOnceWithItsDate() {
        vku(part(61, "2026-03-20 08:00", 10));
        members(61, member(FABER_ID, null), member("007654321", "2026-03-01"));
        sync();
        assertThat(heard.confirmed).as("a student first seen confirmed").extracting(StoredMember::canonicalFaberId)
                .containsExactly("7654321");
        heard.clear();
        members(61, member(FABER_ID, "2026-03-05"), member("007654321", "2026-03-01"));

        sync();
        sync();

        assertThat(heard.confirmed).singleElement().satisfies(m -> {
            assertThat(m.canonicalFaberId()).isEqualTo("1234567");
            assertThat(m.confirmedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(m.toString()).doesNotContain(FABER_ID).doesNotContain("Anna").doesNotContain("2004-05-17");
        });
        assertThat(heard.addedMembers).isEmpty();
        assertThat(courses.findMembers("tenant-1", 61)).extracting(StoredMember::confirmedOn)
                .containsOnly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 1));
    }

    @Test
    void aRunWhoseWriteFailsTellsNoneOfItsChanges() {
        vku(part(61, "2026-03-20 08:00", 10));
        members(61, member(FABER_ID, null));
        sync();
        heard.clear();
        vku(part(61, "2026-03-27 08:00", 2));
        members(61, member(FABER_ID, "2026-03-05"));
        courses.failNextApply.set(true);

        TenantSyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(heard.changed).isEmpty();
        assertThat(heard.confirmed).isEmpty();
    }

    private TenantSyncResult sync() {
        clock.advance(Duration.ofHours(1));
        return engine.syncTenant("tenant-1");
    }

    private CourseStatus status(long partId) {
        return courses.findCourses(CourseQuery.tenant("tenant-1")).stream().filter(c -> c.partId() == partId)
                .findFirst().orElseThrow().status();
    }

    private static String part(long id, String date, int freePlaces) {
        return part(id, date, freePlaces, "Zürich");
    }

    private static String part(long id, String date, int freePlaces, String city) {
        return "{\"id\":" + id + ",\"name\":\"VKU Teil " + id + "\",\"date\":\"" + date + "\",\"address\":{\"name\":"
                + "\"Fahrschule Muster\",\"address\":\"Bahnhofstrasse 1\",\"zip\":8001,\"city\":\"" + city + "\"},"
                + "\"freeplaces\":" + freePlaces + "}";
    }

    private static String renamed(String part) {
        return part.replace("VKU Teil", "VKU Kurs");
    }

    private void vku(String... parts) {
        sari.ok("/courses/VKU", "[" + GROUP.formatted(String.join(",", parts)) + "]");
    }

    private void members(long partId, String... members) {
        sari.ok("/coursedetail/" + partId, "[" + String.join(",", members) + "]");
    }

    private static String member(String faberId, String confirmed) {
        return "{\"faberid\":\"" + faberId + "\",\"firstname\":\"Anna\",\"lastname\":\"Muster\","
                + "\"birthdate\":\"2004-05-17\",\"confirmed\":" + (confirmed == null ? "null" : "\"" + confirmed
                + "\"") + "}";
    }

    /** What the listener heard, in order. */
    private static final class Heard implements SyncListener {
        final List<StoredCourse> added = new CopyOnWriteArrayList<>();
        final List<CourseChange> reactivated = new CopyOnWriteArrayList<>();
        final List<CourseChange> changed = new CopyOnWriteArrayList<>();
        final List<StoredMember> addedMembers = new CopyOnWriteArrayList<>();
        final List<StoredMember> confirmed = new CopyOnWriteArrayList<>();

        @Override
        public void courseAdded(StoredCourse course) {
            added.add(course);
        }

        @Override
        public void courseReactivated(CourseChange change) {
            reactivated.add(change);
        }

        @Override
        public void courseChanged(CourseChange change) {
            changed.add(change);
        }

        @Override
        public void memberAdded(StoredMember member) {
            addedMembers.add(member);
        }

        @Override
        public void memberConfirmed(StoredMember member) {
            confirmed.add(member);
        }

        CourseChange change(long partId) {
            return changed.stream().filter(c -> c.partId() == partId).findFirst().orElseThrow();
        }

        void clear() {
            added.clear();
            reactivated.clear();
            changed.clear();
            addedMembers.clear();
            confirmed.clear();
        }
    }

    /** Fails the next apply part-way when told to, leaving the stored data as before. */
    private static final class FailingCourseStore extends InMemoryCourseStore {
        final AtomicBoolean failNextApply = new AtomicBoolean();

        @Override
        protected void staging(Object row) {
            if (failNextApply.compareAndSet(true, false)) {
                throw new IllegalStateException("connection lost");
            }
        }
    }
}
