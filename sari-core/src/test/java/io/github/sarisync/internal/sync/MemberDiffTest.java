package io.github.sarisync.internal.sync;

import io.github.sarisync.model.CourseMember;
import io.github.sarisync.spi.StoredMember;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemberDiffTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final LocalDate BIRTH = LocalDate.of(2004, 5, 17);

    private static StoredMember stored(String faberId, LocalDate confirmedOn) {
        return new StoredMember("tenant-a", 61, faberId, io.github.sarisync.model.FaberIds.canonical(faberId), "Anna",
                "Muster", BIRTH, confirmedOn, T0, T0, null);
    }

    private static CourseMember listed(String faberId, LocalDate confirmedOn) {
        return new CourseMember(faberId, "Anna", "Muster", BIRTH, confirmedOn);
    }

    @Test
    void aMemberSeenForTheFirstTimeIsAdded() {
        MemberDiff diff = MemberDiff.compute("tenant-a", 61, List.of(listed("001234567", null)), Map.of(), T1);

        assertThat(diff.added()).singleElement().satisfies(m -> {
            assertThat(m.canonicalFaberId()).isEqualTo("1234567");
            assertThat(m.faberId()).isEqualTo("001234567");
            assertThat(m.firstSeenAt()).isEqualTo(T1);
            assertThat(m.removedAt()).isNull();
        });
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void aMemberListedUnchangedUnderAnotherPaddingIsNotWritten() {
        MemberDiff diff = MemberDiff.compute("tenant-a", 61, List.of(listed("001234567", null)),
                Map.of("1234567", stored("1234567", null)), T1);

        assertThat(diff.added()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void aConfirmationIsAChangeKeepingTheFirstSighting() {
        LocalDate confirmed = LocalDate.of(2026, 3, 1);

        MemberDiff diff = MemberDiff.compute("tenant-a", 61, List.of(listed("1234567", confirmed)),
                Map.of("1234567", stored("1234567", null)), T1);

        assertThat(diff.changed()).singleElement().satisfies(m -> {
            assertThat(m.confirmedOn()).isEqualTo(confirmed);
            assertThat(m.firstSeenAt()).isEqualTo(T0);
            assertThat(m.lastSeenAt()).isEqualTo(T1);
        });
        assertThat(diff.added()).isEmpty();
    }

    @Test
    void aMemberNoLongerListedIsMarkedRemovedNotDeleted() {
        MemberDiff diff = MemberDiff.compute("tenant-a", 61, List.of(listed("555", null)),
                Map.of("1234567", stored("1234567", null)), T1);

        assertThat(diff.removed()).singleElement().satisfies(m -> {
            assertThat(m.canonicalFaberId()).isEqualTo("1234567");
            assertThat(m.removedAt()).isEqualTo(T1);
            assertThat(m.firstSeenAt()).isEqualTo(T0);
        });
        assertThat(diff.added()).extracting(StoredMember::canonicalFaberId).containsExactly("555");
    }

    @Test
    void aMemberListedInARecordThatCouldNotBeUsedIsNeitherRemovedNorChanged() {
        MemberDiff diff = MemberDiff.compute("tenant-a", 61, List.of(), java.util.Set.of("1234567"),
                Map.of("1234567", stored("1234567", null)), T1);

        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.added()).isEmpty();
    }

    @Test
    void aFaberIdListedTwiceCountsOnce() {
        MemberDiff diff = MemberDiff.compute("tenant-a", 61, List.of(listed("1234567", null),
                listed("001234567", null)), Map.of(), T1);

        assertThat(diff.added()).singleElement().satisfies(m -> assertThat(m.faberId()).isEqualTo("1234567"));
    }

    @Test
    void onlyAConfirmationWhereThereWasNoneIsANewConfirmation() {
        Map<String, StoredMember> stored = Map.of("1", stored("1", null), "2", stored("2", LocalDate.of(2026, 3, 1)),
                "3", stored("3", null));

        MemberDiff diff = MemberDiff.compute("tenant-a", 61, List.of(listed("1", LocalDate.of(2026, 3, 5)),
                listed("2", LocalDate.of(2026, 3, 6)), new CourseMember("3", "Anna", "Meier", BIRTH, null),
                listed("4", LocalDate.of(2026, 3, 2)), listed("5", null)), stored, T1);

        assertThat(diff.confirmed()).extracting(StoredMember::canonicalFaberId).containsExactly("1", "4");
        assertThat(diff.changed()).extracting(StoredMember::canonicalFaberId).containsExactlyInAnyOrder("1", "2", "3");
    }
}
