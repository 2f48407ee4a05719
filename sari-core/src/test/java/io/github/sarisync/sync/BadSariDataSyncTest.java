package io.github.sarisync.sync;

import io.github.sarisync.TestClock;
import io.github.sarisync.TestHosts;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.FieldLimits;
import io.github.sarisync.spi.LimitedField;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad or hostile SARI data costs only the record that carries it: a part SARI still lists but whose
 * record cannot be read keeps its stored state, and a text longer than the store's column is
 * rejected naming the field and the limit (never the value) while the rest of the answer is stored.
 */
class BadSariDataSyncTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final FieldLimits LIMITS = FieldLimits.builder().maxLength(LimitedField.GROUP_NAME, 500)
            .maxLength(LimitedField.COURSE_NAME, 500).maxLength(LimitedField.LOCATION_NAME, 500)
            .maxLength(LimitedField.LOCATION_STREET, 500).maxLength(LimitedField.LOCATION_ZIP, 20)
            .maxLength(LimitedField.LOCATION_CITY, 200).maxLength(LimitedField.MEMBER_FABER_ID, 32)
            .maxLength(LimitedField.MEMBER_FIRST_NAME, 200).maxLength(LimitedField.MEMBER_LAST_NAME, 200).build();
    /** A text no message may contain: it stands for whatever hostile or personal value SARI sent. */
    private static final String MARK = "Kx7Qz";

    private final TestClock clock = new TestClock(T0);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(TestHosts.LOOPBACK);
    private final InMemoryCourseStore courses = new InMemoryCourseStore(LIMITS);
    private final InMemorySyncLogStore runs = new InMemorySyncLogStore();
    private TinySari sari;
    private SARISyncEngine engine;

    @BeforeEach
    void start() throws IOException {
        sari = new TinySari();
        tenants.save(Tenant.of("tenant-1", "Fahrschule Eins", sari.baseUri()),
                new SariCredentials("client", "client-secret", "school", "school-password"));
        engine = SARISyncEngine.builder().tenantStore(tenants).courseStore(courses).syncLogStore(runs).clock(clock)
                .options(SyncOptions.builder().hostPolicy(TestHosts.LOOPBACK).memberPolicy(MemberPolicy.ALL).build())
                .clientFactory(SariClientFactory.customized(b -> b.clock(clock).rateLimit(RateLimit.unlimited())
                        .retry(RetryPolicy.none()))).build();
    }

    @AfterEach
    void stop() {
        engine.close();
        sari.close();
    }

    private static String part(long id, String name, String date, String city) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"date\":\"" + date + "\",\"address\":{\"name\":"
                + "\"Fahrschule Muster\",\"address\":\"Bahnhofstrasse 1\",\"zip\":8001,\"city\":\"" + city + "\"},"
                + "\"freeplaces\":10}";
    }

    private static String part(long id, String date) {
        return part(id, "VKU Teil " + id, date, "Zürich");
    }

    private static String group(String name, String... parts) {
        return "{\"name\":" + name + ",\"date\":\"2026-03-20 00:00\",\"courses\":[" + String.join(",", parts) + "]}";
    }

    private void vku(String... groups) {
        sari.ok("/courses/VKU", "[" + String.join(",", groups) + "]");
    }

    private static String member(String faberId, String firstName) {
        return "{\"faberid\":\"" + faberId + "\",\"firstname\":\"" + firstName + "\",\"lastname\":\"Muster\","
                + "\"birthdate\":\"2004-05-17\",\"confirmed\":null}";
    }

    private void members(long partId, String... members) {
        sari.ok("/coursedetail/" + partId, "[" + String.join(",", members) + "]");
    }

    private void syncFourParts() {
        vku(group("\"VKU März\"", part(61, "2026-03-20 08:00"), part(62, "2026-03-21 08:00")),
                group("\"VKU April\"", part(71, "2026-04-20 08:00"), part(72, "2026-04-21 08:00")));
        for (long id : new long[] {61, 62, 71, 72}) {
            members(id, member("001234567", "Anna"));
        }
        assertThat(engine.syncTenant("tenant-1").outcome()).isEqualTo(SyncOutcome.SUCCESS);
        clock.advance(Duration.ofHours(1));
    }

    private Map<Long, CourseStatus> statuses() {
        return courses.findCourses(CourseQuery.tenant("tenant-1")).stream()
                .collect(Collectors.toMap(StoredCourse::partId, StoredCourse::status));
    }

    private SyncRun lastRun() {
        return runs.recentRuns("tenant-1", 1).get(0);
    }

    @Test
    void aListedPartWhoseRecordCannotBeReadKeepsItsStoredStatusAndCountsAsRejected() {
        syncFourParts();
        StoredCourse before = courses.findCourses(CourseQuery.tenant("tenant-1")).stream()
                .filter(c -> c.partId() == 62).findFirst().orElseThrow();
        vku(group("\"VKU März\"", part(61, "2026-03-20 08:00"), part(62, "bald")),
                group("\"VKU April\"", part(71, "2026-04-20 08:00"), part(72, "2026-04-21 08:00")));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts(CourseType.VKU).cancelled()).isZero();
        assertThat(result.counts(CourseType.VKU).rejected()).isOne();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("part 62", "date"));
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).filteredOn(c -> c.partId() == 62)
                .containsExactly(before);
        assertThat(courses.findMembers("tenant-1", 62)).extracting(StoredMember::removedAt).containsOnlyNulls();
    }

    @Test
    void thePartsOfAListedGroupWhoseNameCannotBeReadKeepTheirStoredStatus() {
        syncFourParts();
        vku(group("\"VKU März\"", part(61, "2026-03-20 08:00"), part(62, "2026-03-21 08:00")),
                group("{\"de\":\"VKU April\"}", part(71, "2026-04-20 08:00"), part(72, "2026-04-21 08:00")));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts(CourseType.VKU).cancelled()).isZero();
        assertThat(statuses()).containsEntry(71L, CourseStatus.ACTIVE).containsEntry(72L, CourseStatus.ACTIVE);
    }

    @Test
    void anOverlongCourseNameRejectsThatPartNamingFieldAndLimitAndTheOtherPartsAreStored() {
        vku(group("\"VKU März\"", part(61, "2026-03-20 08:00"),
                part(62, MARK + "x".repeat(10_000), "2026-03-21 08:00", "Zürich")));
        members(61, member("001234567", "Anna"));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts(CourseType.VKU).inserted()).isOne();
        assertThat(result.counts(CourseType.VKU).rejected()).isOne();
        assertThat(statuses()).containsOnlyKeys(61L);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                .contains("part 62", "course name longer than 500 characters"));
        assertNoValueIn(result, lastRun());
    }

    @Test
    void anOverlongGroupNameOrLocationRejectsItsPartsAndAPartKnownBeforeKeepsItsStatus() {
        syncFourParts();
        vku(group("\"" + MARK + "g".repeat(600) + "\"", part(61, "2026-03-20 08:00"), part(62, "2026-03-21 08:00")),
                group("\"VKU April\"", part(71, "2026-04-20 08:00"),
                        part(72, "VKU Teil 72", "2026-04-21 08:00", MARK + "z".repeat(300))));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts(CourseType.VKU).rejected()).isEqualTo(2);
        assertThat(result.counts(CourseType.VKU).cancelled()).isZero();
        assertThat(statuses()).containsOnly(Map.entry(61L, CourseStatus.ACTIVE), Map.entry(62L, CourseStatus.ACTIVE),
                Map.entry(71L, CourseStatus.ACTIVE), Map.entry(72L, CourseStatus.ACTIVE));
        assertThat(courses.findCourses(CourseQuery.tenant("tenant-1"))).extracting(c -> c.location().city())
                .doesNotContain(MARK + "z".repeat(300));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("group name longer than 500 characters"))
                .anySatisfy(w -> assertThat(w).contains("part 72", "location city longer than 200 characters"));
        assertNoValueIn(result, lastRun());
    }

    @Test
    void anOverlongFaberIdRejectsThatMemberOnlyAndAListedMemberWithAnOverlongNameIsNotRemoved() {
        syncFourParts();
        members(61, member("1" + MARK + "9".repeat(200), "Berta"), member("001234567", MARK + "a".repeat(300)),
                member("007654321", "Claudia"));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts(CourseType.VKU).membersAdded()).isOne();
        assertThat(result.counts(CourseType.VKU).membersRemoved()).isZero();
        assertThat(result.counts(CourseType.VKU).rejected()).isEqualTo(2);
        assertThat(courses.findMembers("tenant-1", 61)).extracting(StoredMember::canonicalFaberId,
                StoredMember::firstName, StoredMember::removedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1234567", "Anna", null),
                        org.assertj.core.groups.Tuple.tuple("7654321", "Claudia", null));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                        .contains("part 61", "member faberid longer than 32 characters"))
                .anySatisfy(w -> assertThat(w).contains("part 61", "member first name longer than 200 characters"));
        assertNoValueIn(result, lastRun());
    }

    @Test
    void whileAMemberRecordOfAPartCannotBeReadNobodyOfThatPartIsMarkedRemoved() {
        syncFourParts();
        members(61, "{\"faberid\":{\"nr\":\"001234567\"},\"firstname\":\"Anna\"}", member("007654321", "Claudia"));
        members(62, member("007654321", "Claudia"));

        TenantSyncResult result = engine.syncTenant("tenant-1");

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(courses.findMembers("tenant-1", 61)).filteredOn(m -> m.canonicalFaberId().equals("1234567"))
                .extracting(StoredMember::removedAt).containsOnlyNulls();
        assertThat(courses.findMembers("tenant-1", 62)).filteredOn(m -> m.canonicalFaberId().equals("1234567"))
                .extracting(StoredMember::removedAt).doesNotContainNull();
        assertThat(result.counts(CourseType.VKU).membersRemoved()).isOne();
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("part 61", "unreadable"));
    }

    private static void assertNoValueIn(TenantSyncResult result, SyncRun run) {
        assertThat(result.warnings()).allSatisfy(w -> assertThat(w).doesNotContain(MARK));
        assertThat(String.valueOf(result.errorMessage())).doesNotContain(MARK);
        assertThat(String.valueOf(run.detail())).doesNotContain(MARK);
        assertThat(String.valueOf(run.errorMessage())).doesNotContain(MARK);
    }
}
