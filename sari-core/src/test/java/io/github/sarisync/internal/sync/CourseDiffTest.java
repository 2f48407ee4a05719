package io.github.sarisync.internal.sync;

import io.github.sarisync.model.CourseGroup;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static io.github.sarisync.internal.sync.Feeds.NOW;
import static io.github.sarisync.internal.sync.Feeds.applied;
import static io.github.sarisync.internal.sync.Feeds.diff;
import static io.github.sarisync.internal.sync.Feeds.empty;
import static io.github.sarisync.internal.sync.Feeds.group;
import static io.github.sarisync.internal.sync.Feeds.part;
import static org.assertj.core.api.Assertions.assertThat;

class CourseDiffTest {

    @Test
    void aFirstListInsertsEveryPartAndGroupAsActive() {
        CourseDiff diff = diff(NOW, empty(), group("Kurs A", part(61, 3), part(62, 4)), group("Kurs B", part(70, 5)));

        assertThat(diff.groupsAndParts().inserts()).extracting(StoredCourse::partId).containsExactlyInAnyOrder(61L,
                62L, 70L);
        assertThat(diff.groupsAndParts().inserts()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(CourseStatus.ACTIVE);
            assertThat(p.firstSeenAt()).isEqualTo(NOW);
        });
        assertThat(diff.groupsAndParts().newGroups()).extracting(g -> g.groupKey())
                .containsExactly("VKU-61", "VKU-70");
        assertThat(diff.memberCandidates()).containsExactlyInAnyOrder(61L, 62L, 70L);
    }

    @Test
    void aPartListedInAnUnreadableRecordIsNeitherCancelledNorCompletedNorUpdated() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(),
                group("Kurs A", part(60, -1), part(61, 3), part(62, 4))));

        CourseDiff next = CourseDiff.compute("tenant-a", CourseType.VKU, NOW.plusSeconds(600),
                List.of(group("Kurs A", part(61, 3))), java.util.Set.of(60L, 62L), stored, 0.5, 3);

        assertThat(next.groupsAndParts().statusChanges()).isEmpty();
        assertThat(next.groupsAndParts().updates()).isEmpty();
        assertThat(next.completed()).isZero();
        assertThat(next.cancelled()).isZero();
    }

    @Test
    void theSameListAgainWritesNothing() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(), group("Kurs A", part(61, 3), part(62, 4))));

        CourseDiff again = diff(NOW.plusSeconds(600), stored, group("Kurs A", part(61, 3), part(62, 4)));

        assertThat(again.groupsAndParts().inserts()).isEmpty();
        assertThat(again.groupsAndParts().updates()).isEmpty();
        assertThat(again.groupsAndParts().statusChanges()).isEmpty();
        assertThat(again.groupsAndParts().newGroups()).isEmpty();
        assertThat(again.groupsAndParts().changedGroups()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.memberCandidates()).isEmpty();
    }

    @Test
    void aChangedPartIsUpdatedKeepingItsFirstSighting() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(), group("Kurs A", part(61, 3), part(62, 4))));

        CourseDiff next = diff(NOW.plusSeconds(600), stored, group("Kurs A", part(61, 3, 2), part(62, 4)));

        assertThat(next.groupsAndParts().updates()).singleElement().satisfies(p -> {
            assertThat(p.partId()).isEqualTo(61);
            assertThat(p.freePlaces()).isEqualTo(2);
            assertThat(p.firstSeenAt()).isEqualTo(NOW);
            assertThat(p.lastSeenAt()).isEqualTo(NOW.plusSeconds(600));
        });
        assertThat(next.unchanged()).isEqualTo(1);
        assertThat(next.memberCandidates()).containsExactly(61L);
    }

    @Test
    void aPartDroppedAfterItsStartCompletesAndOneDroppedBeforeItsStartIsCancelled() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(),
                group("Kurs A", part(61, 1), part(62, 4), part(63, 5), part(64, 6), part(65, 7))));
        var later = NOW.plus(Duration.ofDays(2));

        CourseDiff next = diff(later, stored, group("Kurs A", part(63, 5), part(64, 6), part(65, 7)));

        assertThat(next.groupsAndParts().statusChanges()).extracting(StoredCourse::partId, StoredCourse::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(61L, CourseStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple(62L, CourseStatus.CANCELLED));
        assertThat(next.completed()).isEqualTo(1);
        assertThat(next.cancelled()).isEqualTo(1);
        assertThat(next.guardWarning()).isNull();
    }

    @Test
    void aPartListedAgainAfterItWasCancelledBecomesActive() {
        CourseSnapshot first = applied(empty(), diff(NOW, empty(), group("Kurs A", part(61, 3), part(62, 4))));
        CourseSnapshot cancelled = applied(first, diff(NOW, first, group("Kurs A", part(61, 3))));
        assertThat(cancelled.parts().get(62L).status()).isEqualTo(CourseStatus.CANCELLED);

        CourseDiff back = diff(NOW.plusSeconds(60), cancelled, group("Kurs A", part(61, 3), part(62, 4)));

        assertThat(back.groupsAndParts().updates()).singleElement().satisfies(p -> {
            assertThat(p.partId()).isEqualTo(62);
            assertThat(p.status()).isEqualTo(CourseStatus.ACTIVE);
            assertThat(p.statusChangedAt()).isEqualTo(NOW.plusSeconds(60));
        });
    }

    @Test
    void aCancelledPartWhoseStartPassedIsUnloadedAndOnceLookedUpIsReactivatedNotInserted() {
        CourseSnapshot first = applied(empty(), diff(NOW, empty(), group("Kurs A", part(61, 3), part(62, 1))));
        CourseSnapshot stored = applied(first, diff(NOW, first, group("Kurs A", part(61, 3))));
        CourseSnapshot loaded = stored.only(List.of(61L));
        List<CourseGroup> listed = List.of(group("Kurs A", part(61, 3), part(62, 9)));
        Instant later = NOW.plus(Duration.ofDays(2));

        Set<Long> unloaded = CourseDiff.unloadedPartIds(listed, loaded);
        CourseDiff back = CourseDiff.compute("tenant-a", CourseType.VKU, later, listed,
                loaded.plus(stored.only(unloaded)), 0.5, 3);

        assertThat(unloaded).containsExactly(62L);
        assertThat(back.groupsAndParts().inserts()).isEmpty();
        assertThat(back.groupsAndParts().newGroups()).isEmpty();
        assertThat(back.groupsAndParts().updates()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(CourseStatus.ACTIVE);
            assertThat(p.firstSeenAt()).isEqualTo(NOW);
        });
        assertThat(back.reactivated()).singleElement().satisfies(c -> assertThat(c.before().status())
                .isEqualTo(CourseStatus.CANCELLED));
        assertThat(back.memberCandidates()).containsExactly(62L);
    }

    @Test
    void anEmptyListAfterAFullOneCancelsNothingAndSaysWhy() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(), group("A", part(1, 3), part(2, 4), part(3, 5),
                part(4, 6)), group("B", part(5, 3), part(6, 4), part(7, 5), part(8, 6)), group("C", part(9, 3),
                part(10, 4), part(11, 5), part(12, 6))));

        CourseDiff empty = diff(NOW.plusSeconds(60), stored);

        assertThat(empty.groupsAndParts().statusChanges()).isEmpty();
        assertThat(empty.cancelled()).isZero();
        assertThat(empty.guardWarning()).isEqualTo("SARI listed 0 of 12 future VKU parts; cancellation held back");
    }

    @Test
    void theGuardStillLetsPastPartsCompleteAndNewPartsIn() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(), group("A", part(1, 1), part(2, 4), part(3, 5),
                part(4, 6))));

        CourseDiff truncated = diff(NOW.plus(Duration.ofDays(2)), stored, group("Neu", part(20, 9)));

        assertThat(truncated.guardWarning()).startsWith("SARI listed 0 of 3 future VKU parts");
        assertThat(truncated.groupsAndParts().statusChanges()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(CourseStatus.COMPLETED));
        assertThat(truncated.groupsAndParts().inserts()).extracting(StoredCourse::partId).containsExactly(20L);
    }

    @Test
    void theGuardAppliesNeitherBelowTheMinimumNorAtThresholdOne() {
        CourseSnapshot two = applied(empty(), diff(NOW, empty(), group("A", part(1, 3), part(2, 4))));
        assertThat(diff(NOW, two).cancelled()).isEqualTo(2);

        CourseSnapshot four = applied(empty(), diff(NOW, empty(), group("A", part(1, 3), part(2, 4), part(3, 5),
                part(4, 6))));
        CourseDiff relaxed = CourseDiff.compute("tenant-a", CourseType.VKU, NOW, List.of(), four, 1.0, 3);
        assertThat(relaxed.cancelled()).isEqualTo(4);
        assertThat(relaxed.guardWarning()).isNull();
    }

    @Test
    void aCancellationOfAMinorityIsNotHeldBack() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(), group("A", part(1, 3), part(2, 4), part(3, 5),
                part(4, 6))));

        CourseDiff next = diff(NOW, stored, group("A", part(1, 3), part(2, 4), part(3, 5)));

        assertThat(next.cancelled()).isEqualTo(1);
        assertThat(next.guardWarning()).isNull();
    }

    @Test
    void aGroupLosingItsFirstPartKeepsItsKey() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(), group("Kurs A", part(61, 1), part(62, 4),
                part(63, 8))));
        var later = NOW.plus(Duration.ofDays(2));

        CourseDiff next = diff(later, stored, group("Kurs A", part(62, 4), part(63, 8)));
        CourseSnapshot after = applied(stored, next);
        CourseDiff third = diff(later.plus(Duration.ofDays(3)), after, group("Kurs A", part(63, 8)));

        assertThat(next.groupsAndParts().newGroups()).isEmpty();
        assertThat(next.listed().values()).allSatisfy(p -> assertThat(p.groupKey()).isEqualTo("VKU-61"));
        assertThat(third.groupsAndParts().newGroups()).isEmpty();
        assertThat(third.listed().get(63L).groupKey()).isEqualTo("VKU-61");
    }

    @Test
    void aRenamedGroupIsAChangedGroupUnderTheSameKey() {
        CourseSnapshot stored = applied(empty(), diff(NOW, empty(), group("Kurs A", part(61, 3))));
        var renamed = new io.github.sarisync.model.CourseGroup("Kurs A (verschoben)", LocalDateTime.of(2026, 3, 12,
                0, 0), List.of(part(61, 3)));

        CourseDiff next = diff(NOW, stored, renamed);

        assertThat(next.groupsAndParts().changedGroups()).singleElement().satisfies(g -> {
            assertThat(g.groupKey()).isEqualTo("VKU-61");
            assertThat(g.name()).isEqualTo("Kurs A (verschoben)");
            assertThat(g.firstSeenAt()).isEqualTo(NOW);
        });
        assertThat(next.groupsAndParts().updates()).isEmpty();
    }

    @Test
    void aPartListedTwiceIsKeptOnceAndTheRepeatRejected() {
        CourseDiff diff = diff(NOW, empty(), group("A", part(61, 3)), group("B", part(61, 3), part(70, 4)));

        assertThat(diff.groupsAndParts().inserts()).extracting(StoredCourse::partId)
                .containsExactlyInAnyOrder(61L, 70L);
        assertThat(diff.rejected()).singleElement().satisfies(r -> {
            assertThat(r.partId()).isEqualTo(61L);
            assertThat(r.reason()).contains("listed twice");
        });
    }
}
