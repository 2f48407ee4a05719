package io.github.sarisync.testkit.contract;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseSnapshot;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.LeaseLostException;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.github.sarisync.testkit.contract.CourseFixtures.NOW;
import static io.github.sarisync.testkit.contract.CourseFixtures.changes;
import static io.github.sarisync.testkit.contract.CourseFixtures.group;
import static io.github.sarisync.testkit.contract.CourseFixtures.member;
import static io.github.sarisync.testkit.contract.CourseFixtures.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The guarantees of {@link CourseStore}, for every implementation. Extend it and return an empty
 * store from {@link #createStore()} (called before each test). Override
 * {@link #storeFailingMidApply()} when the implementation can be made to fail part-way through an
 * apply, to check that such an apply leaves nothing behind.
 */
public abstract class CourseStoreContract {
    private static final CourseType VKU = CourseType.VKU;

    protected CourseStore store;

    /** An empty course store. */
    protected abstract CourseStore createStore();

    /**
     * The lock whose leases the store checks its fenced writes against (for a database store: the
     * lock on the same database), or null (the default) when the store does not fence, which skips
     * the fencing tests. Called after {@link #createStore()}.
     */
    protected SyncLock leaseLock() {
        return null;
    }

    /**
     * A store on the same data as the last {@link #createStore()} whose next {@code apply} fails after
     * it has written part of a change set; null (the default) when the implementation cannot be made
     * to fail, which skips the atomicity test.
     */
    protected CourseStore storeFailingMidApply() {
        return null;
    }

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    @Test
    void anEmptyStoreLoadsAnEmptySnapshot() {
        CourseSnapshot snapshot = store.load("tenant-a", VKU, NOW);

        assertThat(snapshot.parts()).isEmpty();
        assertThat(snapshot.groups()).isEmpty();
        assertThat(store.loadMembers("tenant-a", List.of(1L, 2L))).isEmpty();
    }

    @Test
    void insertedPartsAndGroupsAreLoadedAsWritten() {
        StoredGroup group = group("tenant-a", VKU, "g1");
        StoredCourse first = part("tenant-a", VKU, 61, "g1", 3);
        StoredCourse second = part("tenant-a", VKU, 62, "g1", 4);

        store.apply(changes("tenant-a", VKU).newGroups(group).inserts(first, second).build());

        CourseSnapshot snapshot = store.load("tenant-a", VKU, NOW);
        assertThat(snapshot.parts()).isEqualTo(Map.of(61L, first, 62L, second));
        assertThat(snapshot.groups()).isEqualTo(Map.of("g1", group));
    }

    @Test
    void loadReturnsActivePartsAndPartsStartingAtOrAfterSince() {
        StoredCourse activePast = part("tenant-a", VKU, 1, "g1", -10);
        StoredCourse completed = part("tenant-a", VKU, 2, "g1", -5).withStatus(CourseStatus.COMPLETED, NOW);
        StoredCourse cancelledFuture = part("tenant-a", VKU, 3, "g2", 5).withStatus(CourseStatus.CANCELLED, NOW);
        StoredCourse cancelledAtSince = part("tenant-a", VKU, 4, "g2", 0).withStatus(CourseStatus.CANCELLED, NOW);
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"), group("tenant-a", VKU, "g2"))
                .inserts(activePast, completed, cancelledFuture, cancelledAtSince).build());

        CourseSnapshot snapshot = store.load("tenant-a", VKU, NOW);

        assertThat(snapshot.parts()).containsOnlyKeys(1L, 3L, 4L);
        assertThat(snapshot.groups()).containsOnlyKeys("g1", "g2");
        assertThat(store.load("tenant-a", VKU, NOW.plus(Duration.ofDays(1))).parts()).containsOnlyKeys(1L, 3L);
    }

    @Test
    void loadIsLimitedToOneTenantAndType() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", 3)).build());
        store.apply(changes("tenant-a", CourseType.PGS).newGroups(group("tenant-a", CourseType.PGS, "g1"))
                .inserts(part("tenant-a", CourseType.PGS, 2, "g1", 3)).build());
        store.apply(changes("tenant-b", VKU).newGroups(group("tenant-b", VKU, "g1"))
                .inserts(part("tenant-b", VKU, 1, "g1", 3)).build());

        assertThat(store.load("tenant-a", VKU, NOW).parts()).containsOnlyKeys(1L)
                .allSatisfy((id, part) -> assertThat(part.tenantId()).isEqualTo("tenant-a"));
        assertThat(store.load("tenant-a", CourseType.PGS, NOW).parts()).containsOnlyKeys(2L);
        assertThat(store.load("tenant-b", VKU, NOW).groups().get("g1").tenantId()).isEqualTo("tenant-b");
        assertThat(store.load("tenant-c", VKU, NOW).parts()).isEmpty();
    }

    @Test
    void findPartsReturnsTheAskedPartsOfATenantAndTypeWhateverTheirStatusAndStartWithTheirGroups() {
        StoredCourse active = part("tenant-a", VKU, 1, "g1", 3);
        StoredCourse completed = part("tenant-a", VKU, 2, "g2", -20).withStatus(CourseStatus.COMPLETED, NOW);
        StoredCourse cancelled = part("tenant-a", VKU, 3, "g2", -10).withStatus(CourseStatus.CANCELLED, NOW);
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"), group("tenant-a", VKU, "g2"),
                group("tenant-a", VKU, "g3")).inserts(active, completed, cancelled,
                part("tenant-a", VKU, 4, "g3", -10).withStatus(CourseStatus.CANCELLED, NOW)).build());
        store.apply(changes("tenant-a", CourseType.PGS).newGroups(group("tenant-a", CourseType.PGS, "g2"))
                .inserts(part("tenant-a", CourseType.PGS, 5, "g2", -10)).build());
        store.apply(changes("tenant-b", VKU).newGroups(group("tenant-b", VKU, "g2"))
                .inserts(part("tenant-b", VKU, 6, "g2", -20).withStatus(CourseStatus.COMPLETED, NOW)).build());

        CourseSnapshot found = store.findParts("tenant-a", VKU, List.of(1L, 2L, 3L, 5L, 6L, 99L));

        assertThat(found.parts()).isEqualTo(Map.of(1L, active, 2L, completed, 3L, cancelled));
        assertThat(found.groups()).isEqualTo(Map.of("g1", group("tenant-a", VKU, "g1"), "g2",
                group("tenant-a", VKU, "g2")));
        assertThat(found.tenantId()).isEqualTo("tenant-a");
        assertThat(found.type()).isEqualTo(VKU);
    }

    @Test
    void findPartsOfNoIdsOfAnotherTypeOrOfAnUnknownTenantFindsNothing() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", -5).withStatus(CourseStatus.COMPLETED, NOW)).build());

        assertThat(store.findParts("tenant-a", VKU, List.of())).isEqualTo(CourseSnapshot.empty("tenant-a", VKU));
        assertThat(store.findParts("tenant-a", CourseType.PGS, List.of(1L)).parts()).isEmpty();
        assertThat(store.findParts("tenant-b", VKU, List.of(1L))).isEqualTo(CourseSnapshot.empty("tenant-b", VKU));
    }

    @Test
    void updatesReplaceAPartsContentAndKeepOnePart() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 61, "g1", 3)).build());
        StoredCourse original = part("tenant-a", VKU, 61, "g1", 3);
        StoredCourse changed = new StoredCourse("tenant-a", VKU, 61, "g1", "VKU Teil 61 (neu)",
                original.startsAt().plus(Duration.ofHours(2)), original.location(), 3, "hash-61-b",
                CourseStatus.ACTIVE, original.firstSeenAt(), NOW.plusSeconds(3600), original.statusChangedAt());

        store.apply(changes("tenant-a", VKU).updates(changed).build());

        assertThat(store.load("tenant-a", VKU, NOW).parts()).isEqualTo(Map.of(61L, changed));
        assertThat(store.findCourses(CourseQuery.tenant("tenant-a"))).containsExactly(changed);
    }

    @Test
    void statusChangesSetTheNewStatusAndWhenItChanged() {
        StoredCourse past = part("tenant-a", VKU, 1, "g1", -2);
        StoredCourse future = part("tenant-a", VKU, 2, "g1", 2);
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1")).inserts(past, future).build());
        StoredCourse completed = past.withStatus(CourseStatus.COMPLETED, NOW.plusSeconds(60));
        StoredCourse cancelled = future.withStatus(CourseStatus.CANCELLED, NOW.plusSeconds(60));

        store.apply(changes("tenant-a", VKU).statusChanges(completed, cancelled).build());

        assertThat(store.findCourses(CourseQuery.tenant("tenant-a"))).containsExactly(completed, cancelled);
    }

    @Test
    void changedGroupsAreStoredWithTheirNewNameAndDate() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", 2)).build());
        StoredGroup renamed = new StoredGroup("tenant-a", VKU, "g1", "Gruppe neu", LocalDateTime.of(2026, 3, 21, 9, 30),
                NOW, NOW.plusSeconds(600));

        store.apply(changes("tenant-a", VKU).changedGroups(renamed).build());

        assertThat(store.load("tenant-a", VKU, NOW).groups()).isEqualTo(Map.of("g1", renamed));
    }

    @Test
    void insertingAPartThatIsAlreadyStoredOverwritesItInsteadOfFailing() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", 2)).memberUpserts(member("tenant-a", 1, "1234567")).build());
        StoredCourse again = new StoredCourse("tenant-a", VKU, 1, "g1", "again", NOW.plus(Duration.ofDays(2)),
                part("tenant-a", VKU, 1, "g1", 2).location(), 7, "hash-again", CourseStatus.ACTIVE, NOW, NOW, NOW);

        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1")).inserts(again)
                .memberUpserts(member("tenant-a", 1, "001234567")).build());

        assertThat(store.findCourses(CourseQuery.tenant("tenant-a"))).containsExactly(again);
        assertThat(store.findMembers("tenant-a", 1)).singleElement()
                .satisfies(m -> assertThat(m.faberId()).isEqualTo("001234567"));
    }

    @Test
    void membersAreLoadedByPartAndCanonicalFaberId() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", 2), part("tenant-a", VKU, 2, "g1", 3),
                        part("tenant-a", VKU, 3, "g1", 4))
                .memberUpserts(member("tenant-a", 1, "001234567"), member("tenant-a", 1, "7654321"),
                        member("tenant-a", 2, "555"))
                .build());

        Map<Long, Map<String, StoredMember>> members = store.loadMembers("tenant-a", List.of(1L, 3L));

        assertThat(members).containsOnlyKeys(1L);
        assertThat(members.get(1L)).containsOnlyKeys("1234567", "7654321");
        assertThat(members.get(1L).get("1234567")).isEqualTo(member("tenant-a", 1, "001234567"));
        assertThat(store.loadMembers("tenant-a", List.of())).isEmpty();
        assertThat(store.loadMembers("tenant-b", List.of(1L, 2L))).isEmpty();
    }

    @Test
    void aRemovedMemberIsNoLongerLoadedButKeptWithItsRemovalTime() {
        StoredMember listed = member("tenant-a", 1, "1234567");
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", 2)).memberUpserts(listed, member("tenant-a", 1, "999")).build());
        StoredMember removed = new StoredMember("tenant-a", 1, "1234567", "1234567", "Anna", "Muster",
                listed.birthdate(), null, NOW, NOW, NOW.plusSeconds(300));

        store.apply(changes("tenant-a", VKU).memberRemovals(removed).build());

        assertThat(store.loadMembers("tenant-a", List.of(1L)).get(1L)).containsOnlyKeys("999");
        assertThat(store.findMembers("tenant-a", 1)).containsExactly(removed, member("tenant-a", 1, "999"));
    }

    @Test
    void aMemberListedAgainAfterRemovalIsLoadedAgainWithItsNewData() {
        StoredMember listed = member("tenant-a", 1, "1234567");
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", 2)).memberUpserts(listed).build());
        store.apply(changes("tenant-a", VKU).memberRemovals(new StoredMember("tenant-a", 1, "1234567", "1234567",
                "Anna", "Muster", listed.birthdate(), null, NOW, NOW, NOW.plusSeconds(60))).build());
        StoredMember back = new StoredMember("tenant-a", 1, "1234567", "1234567", "Anna", "Muster",
                listed.birthdate(), LocalDate.of(2026, 3, 3), NOW, NOW.plusSeconds(120), null);

        store.apply(changes("tenant-a", VKU).memberUpserts(back).build());

        assertThat(store.loadMembers("tenant-a", List.of(1L))).isEqualTo(Map.of(1L, Map.of("1234567", back)));
        assertThat(store.findMembers("tenant-a", 1)).containsExactly(back);
    }

    @Test
    void findCoursesFiltersByTenantTypeAndStatusOrderedByStartThenPartId() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 30, "g1", 5), part("tenant-a", VKU, 20, "g1", 5),
                        part("tenant-a", VKU, 10, "g1", 9),
                        part("tenant-a", VKU, 40, "g1", 1).withStatus(CourseStatus.CANCELLED, NOW))
                .build());
        store.apply(changes("tenant-a", CourseType.PGS).newGroups(group("tenant-a", CourseType.PGS, "g1"))
                .inserts(part("tenant-a", CourseType.PGS, 50, "g1", 0)).build());
        store.apply(changes("tenant-b", VKU).newGroups(group("tenant-b", VKU, "g1"))
                .inserts(part("tenant-b", VKU, 60, "g1", 2)).build());

        assertThat(store.findCourses(CourseQuery.tenant("tenant-a"))).extracting(StoredCourse::partId)
                .containsExactly(50L, 40L, 20L, 30L, 10L);
        assertThat(store.findCourses(CourseQuery.tenant("tenant-a").withType(VKU).withStatus(CourseStatus.ACTIVE)))
                .extracting(StoredCourse::partId).containsExactly(20L, 30L, 10L);
        assertThat(store.findCourses(CourseQuery.tenant("tenant-a").withLimit(2))).extracting(StoredCourse::partId)
                .containsExactly(50L, 40L);
        assertThat(store.findCourses(new CourseQuery(null, VKU, CourseStatus.ACTIVE, 100)))
                .extracting(StoredCourse::partId).containsExactly(60L, 20L, 30L, 10L);
    }

    @Test
    void anEmptyChangeSetChangesNothing() {
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 1, "g1", 2)).build());
        CourseSnapshot before = store.load("tenant-a", VKU, NOW);

        store.apply(changes("tenant-a", VKU).build());

        assertThat(store.load("tenant-a", VKU, NOW)).isEqualTo(before);
    }

    @Test
    void aLargeChangeSetIsAppliedWhole() {
        List<StoredCourse> parts = LongStream.rangeClosed(1, 400).mapToObj(id -> part("tenant-a", VKU, id, "g1",
                (int) (id % 30))).toList();
        List<StoredMember> members = new ArrayList<>();
        for (long id = 1; id <= 400; id++) {
            members.add(member("tenant-a", id, String.valueOf(1000 + id)));
            members.add(member("tenant-a", id, String.valueOf(2000 + id)));
        }

        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1")).inserts(parts)
                .memberUpserts(members).build());

        assertThat(store.load("tenant-a", VKU, NOW).parts()).hasSize(400);
        assertThat(store.loadMembers("tenant-a", LongStream.rangeClosed(1, 400).boxed().toList()).values())
                .hasSize(400).allSatisfy(m -> assertThat(m).hasSize(2));
    }

    @Test
    void changeSetsOfManyTenantsAppliedInParallelAllLand() throws Exception {
        Concurrently.run(8, i -> {
            String tenant = "tenant-" + i;
            for (int type = 0; type < 2; type++) {
                CourseType courseType = CourseType.values()[type];
                store.apply(changes(tenant, courseType).newGroups(group(tenant, courseType, "g1"))
                        .inserts(part(tenant, courseType, 1 + type * 100L, "g1", 2),
                                part(tenant, courseType, 2 + type * 100L, "g1", 3))
                        .memberUpserts(member(tenant, 1 + type * 100L, "123")).build());
            }
            return null;
        });

        for (int i = 0; i < 8; i++) {
            assertThat(store.findCourses(CourseQuery.tenant("tenant-" + i))).hasSize(4);
            assertThat(store.findMembers("tenant-" + i, 101)).hasSize(1);
        }
    }

    @Test
    void anApplyThatFailsPartWayLeavesTheStoreAsBefore() {
        StoredCourse first = part("tenant-a", VKU, 1, "g1", 2);
        StoredCourse second = part("tenant-a", VKU, 2, "g1", 3);
        StoredMember listed = member("tenant-a", 1, "1234567");
        store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1")).inserts(first, second)
                .memberUpserts(listed).build());
        CourseSnapshot before = store.load("tenant-a", VKU, NOW);
        List<StoredCourse> coursesBefore = store.findCourses(CourseQuery.tenant("tenant-a"));
        List<StoredMember> membersBefore = store.findMembers("tenant-a", 1);
        CourseStore failing = storeFailingMidApply();
        assumeThat(failing).as("the implementation can be made to fail part-way").isNotNull();

        StoredGroup renamed = new StoredGroup("tenant-a", VKU, "g1", "renamed", null, NOW, NOW.plusSeconds(1));
        List<StoredCourse> inserts = LongStream.rangeClosed(3, 60).mapToObj(id -> part("tenant-a", VKU, id, "g2", 5))
                .toList();
        assertThatThrownBy(() -> failing.apply(changes("tenant-a", VKU)
                .newGroups(group("tenant-a", VKU, "g2")).changedGroups(renamed).inserts(inserts)
                .statusChanges(second.withStatus(CourseStatus.CANCELLED, NOW.plusSeconds(1)))
                .memberUpserts(member("tenant-a", 2, "42"))
                .memberRemovals(new StoredMember("tenant-a", 1, "1234567", "1234567", "Anna", "Muster",
                        listed.birthdate(), null, NOW, NOW, NOW.plusSeconds(1)))
                .build())).isInstanceOf(RuntimeException.class);

        assertThat(store.load("tenant-a", VKU, NOW)).isEqualTo(before);
        assertThat(store.findCourses(CourseQuery.tenant("tenant-a"))).isEqualTo(coursesBefore);
        assertThat(store.findMembers("tenant-a", 1)).isEqualTo(membersBefore);
        assertThat(store.findMembers("tenant-a", 2)).isEmpty();
    }

    @Test
    void anApplyCarryingTheCurrentLeaseIsWritten() {
        SyncLock lock = FencingLeases.require(leaseLock());
        Lease lease = lock.tryAcquire("tenant:tenant-a", "engine-a", Duration.ofMinutes(1)).orElseThrow();

        store.apply(changes("tenant-a", VKU).inserts(part("tenant-a", VKU, 61, "g1", 3)).build(), lease);

        assertThat(store.load("tenant-a", VKU, NOW).parts()).containsOnlyKeys(61L);
    }

    @Test
    void anApplyCarryingALeaseTakenOverSinceIsRefusedAndWritesNothing() {
        SyncLock lock = FencingLeases.require(leaseLock());
        Lease lost = FencingLeases.lost(lock, "tenant:tenant-a");

        assertThatThrownBy(() -> store.apply(changes("tenant-a", VKU).newGroups(group("tenant-a", VKU, "g1"))
                .inserts(part("tenant-a", VKU, 61, "g1", 3)).memberUpserts(member("tenant-a", 61, "123")).build(),
                lost))
                .isInstanceOf(LeaseLostException.class)
                .hasMessageContaining("tenant:tenant-a").hasMessageContaining("fence " + lost.fence());

        assertThat(store.load("tenant-a", VKU, NOW).parts()).isEmpty();
        assertThat(store.load("tenant-a", VKU, NOW).groups()).isEmpty();
        assertThat(store.loadMembers("tenant-a", List.of(61L))).isEmpty();
    }

    @Test
    void anApplyCarryingAReleasedLeaseIsRefused() {
        SyncLock lock = FencingLeases.require(leaseLock());
        Lease released = lock.tryAcquire("tenant:tenant-a", "engine-a", Duration.ofMinutes(1)).orElseThrow();
        lock.release(released);

        assertThatThrownBy(() -> store.apply(changes("tenant-a", VKU).inserts(part("tenant-a", VKU, 61, "g1", 3))
                .build(), released)).isInstanceOf(LeaseLostException.class);
        assertThat(store.load("tenant-a", VKU, NOW).parts()).isEmpty();
    }
}
