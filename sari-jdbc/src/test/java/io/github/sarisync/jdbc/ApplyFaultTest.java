package io.github.sarisync.jdbc;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredGroup;
import io.github.sarisync.spi.StoredMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static io.github.sarisync.testkit.contract.CourseFixtures.NOW;
import static io.github.sarisync.testkit.contract.CourseFixtures.changes;
import static io.github.sarisync.testkit.contract.CourseFixtures.group;
import static io.github.sarisync.testkit.contract.CourseFixtures.member;
import static io.github.sarisync.testkit.contract.CourseFixtures.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connection dies in the middle of an apply: the tenant's rows are exactly as before. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplyFaultTest {
    private static final String TENANT = "tenant-1";
    private static final CourseType VKU = CourseType.VKU;
    private final Map<Dialect, TestDatabase> databases = new EnumMap<>(Dialect.class);

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    static Stream<Arguments> dyingStatements() {
        return Stream.of(Dialect.values()).flatMap(d -> Stream.of(1, 2, 3, 4, 5).map(n -> Arguments.of(d, n)));
    }

    @ParameterizedTest(name = "{0}: connection dies at batch {1} of 5")
    @MethodSource("dyingStatements")
    void anApplyWhoseConnectionDiesLeavesEveryRowAsBefore(Dialect dialect, int dyingAt) {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        db.clear();
        StoredCourse kept = part(TENANT, VKU, 1, "g1", 2);
        StoredCourse future = part(TENANT, VKU, 2, "g1", 3);
        StoredMember listed = member(TENANT, 1, "1234567");
        db.jdbc().courseStore().apply(changes(TENANT, VKU).newGroups(group(TENANT, VKU, "g1")).inserts(kept, future)
                .memberUpserts(listed).build());
        Map<String, List<Map<String, Object>>> before = rowsOf(db);

        SariJdbc dying = db.jdbcDyingWith(StatementProbe.dyingAt(dyingAt));

        assertThatThrownBy(() -> dying.courseStore().apply(bigChange(listed, future)))
                .isInstanceOf(RuntimeException.class)
                .rootCause().hasMessageContaining("connection lost");
        assertThat(rowsOf(db)).isEqualTo(before);
    }

    /** Writes in all five batches: groups, parts, status changes, member upserts, member removals. */
    private static ChangeSet bigChange(StoredMember listed, StoredCourse future) {
        List<StoredCourse> inserts = LongStream.rangeClosed(3, 200).mapToObj(id -> part(TENANT, VKU, id, "g2", 4))
                .toList();
        List<StoredMember> members = inserts.stream().map(p -> member(TENANT, p.partId(), "77" + p.partId())).toList();
        return changes(TENANT, VKU)
                .newGroups(group(TENANT, VKU, "g2"))
                .changedGroups(new StoredGroup(TENANT, VKU, "g1", "renamed", null, NOW, NOW.plusSeconds(1)))
                .inserts(inserts)
                .statusChanges(future.withStatus(CourseStatus.CANCELLED, NOW.plusSeconds(1)))
                .memberUpserts(members)
                .memberRemovals(new StoredMember(TENANT, 1, listed.faberId(), listed.canonicalFaberId(),
                        listed.firstName(), listed.lastName(), listed.birthdate(), null, NOW, NOW, NOW.plusSeconds(1)))
                .build();
    }

    /** Every row of the course tables, column by column. */
    private static Map<String, List<Map<String, Object>>> rowsOf(TestDatabase db) {
        return db.jdbc().jdbi().withHandle(h -> Map.of(
                "course_groups", h.createQuery("SELECT * FROM sari_course_groups ORDER BY tenant_id, group_key")
                        .mapToMap().list(),
                "courses", h.createQuery("SELECT * FROM sari_courses ORDER BY tenant_id, part_id").mapToMap().list(),
                "course_members", h.createQuery("SELECT * FROM sari_course_members"
                        + " ORDER BY tenant_id, part_id, canonical_faber_id").mapToMap().list()));
    }
}
