package io.github.sarisync.jdbc;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.ChangeSet;
import io.github.sarisync.spi.CourseStatus;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.github.sarisync.testkit.contract.CourseFixtures.NOW;
import static io.github.sarisync.testkit.contract.CourseFixtures.changes;
import static io.github.sarisync.testkit.contract.CourseFixtures.group;
import static io.github.sarisync.testkit.contract.CourseFixtures.member;
import static io.github.sarisync.testkit.contract.CourseFixtures.part;
import static org.assertj.core.api.Assertions.assertThat;

/** Round trips: what the engine calls per tenant costs one statement each; an apply costs a constant few. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountTest {
    private final Map<Dialect, TestDatabase> databases = new EnumMap<>(Dialect.class);

    private TestDatabase db(Dialect dialect) {
        TestDatabase db = databases.computeIfAbsent(dialect, TestDatabase::of);
        db.clear();
        return db;
    }

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyPortMethodOfAWarmTenantRunIsOneStatement(Dialect dialect) {
        TestDatabase db = db(dialect);
        StatementProbe probe = StatementProbe.counting();
        SariJdbc jdbc = db.jdbcCountedBy(probe);
        jdbc.tenantStore().save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST), new SariCredentials("client", "client-secret", "school", "password"));
        jdbc.courseStore().apply(changes("tenant-1", CourseType.VKU).newGroups(group("tenant-1", CourseType.VKU, "g1"))
                .inserts(part("tenant-1", CourseType.VKU, 1, "g1", 3)).memberUpserts(member("tenant-1", 1, "123"))
                .build());
        SyncRun run = SyncRun.started("run-1", "tenant-1", SyncRun.SYNC, SyncTrigger.SCHEDULED, NOW);

        Lease[] lease = new Lease[1];
        assertThat(statements(probe, () -> lease[0] = jdbc.syncLock().tryAcquire("tenant-1", "engine-a",
                Duration.ofMinutes(5)).orElseThrow())).as("tryAcquire").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.syncLogStore().started(run))).as("started").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.tenantStore().credentials("tenant-1"))).as("credentials").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.courseStore().load("tenant-1", CourseType.VKU, NOW)))
                .as("load").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.courseStore().loadMembers("tenant-1", List.of(1L, 2L))))
                .as("loadMembers").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.syncLock().extend(lease[0], Duration.ofMinutes(5))))
                .as("extend").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.syncLogStore().heartbeat("run-1", NOW))).as("heartbeat").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.syncLogStore().finished(
                run.finish(RunStatus.SUCCEEDED, NOW, SyncCounts.ZERO, null, null, null)))).as("finished").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.tenantStore().updateState("tenant-1",
                new TenantState(NOW, NOW, RunStatus.SUCCEEDED, 0, null, null)))).as("updateState").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.syncLock().release(lease[0]))).as("release").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.tenantStore().findEnabled())).as("findEnabled").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anEmptyChangeSetIssuesNoStatementAndLoadingNoPartsNoMembersNone(Dialect dialect) {
        StatementProbe probe = StatementProbe.counting();
        SariJdbc jdbc = db(dialect).jdbcCountedBy(probe);

        assertThat(statements(probe, () -> jdbc.courseStore().apply(changes("tenant-1", CourseType.PGS).build())))
                .isZero();
        assertThat(statements(probe, () -> jdbc.courseStore().loadMembers("tenant-1", List.of()))).isZero();
        assertThat(statements(probe, () -> jdbc.courseStore().findParts("tenant-1", CourseType.VKU, List.of())))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void findingPartsTheSnapshotLacksIsOneStatementHoweverManyIds(Dialect dialect) {
        StatementProbe probe = StatementProbe.counting();
        SariJdbc jdbc = db(dialect).jdbcCountedBy(probe);
        jdbc.courseStore().apply(everything("tenant-1", 300));
        List<Long> ids = LongStream.rangeClosed(1, 400).boxed().toList();

        assertThat(statements(probe, () -> assertThat(jdbc.courseStore().findParts("tenant-1", CourseType.VKU, ids)
                .parts()).hasSize(300 + 1))).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anApplyCostsTheSameFewStatementsWhateverItsSize(Dialect dialect) {
        StatementProbe probe = StatementProbe.counting();
        SariJdbc jdbc = db(dialect).jdbcCountedBy(probe);

        int small = statements(probe, () -> jdbc.courseStore().apply(everything("tenant-small", 2)));
        int large = statements(probe, () -> jdbc.courseStore().apply(everything("tenant-large", 300)));

        assertThat(small).isEqualTo(5);
        assertThat(large).isEqualTo(small);
        assertThat(jdbc.courseStore().load("tenant-large", CourseType.VKU, NOW).parts().size()).isEqualTo(300 + 1);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWriteCarryingALeaseChecksItInTheSameTransactionAtTheCostOfOneStatementAtMost(Dialect dialect) {
        StatementProbe probe = StatementProbe.counting();
        SariJdbc jdbc = db(dialect).jdbcCountedBy(probe);
        jdbc.tenantStore().save(Tenant.of("tenant-1", "Eins", SariEnvironment.TEST),
                new SariCredentials("client", "client-secret", "school", "password"));
        Lease lease = jdbc.syncLock().tryAcquire("tenant:tenant-1", "engine-a", Duration.ofMinutes(5)).orElseThrow();
        SyncRun run = SyncRun.started("run-1", "tenant-1", SyncRun.SYNC, SyncTrigger.SCHEDULED, NOW);

        assertThat(statements(probe, () -> jdbc.courseStore().apply(everything("tenant-1", 30), lease)))
                .as("apply").isEqualTo(5 + 1);
        assertThat(statements(probe, () -> jdbc.tenantStore().updateState("tenant-1",
                new TenantState(NOW, NOW, RunStatus.SUCCEEDED, 0, null, null), lease))).as("updateState").isEqualTo(1);
        assertThat(statements(probe, () -> jdbc.syncLogStore().finished(
                run.finish(RunStatus.SUCCEEDED, NOW, SyncCounts.ZERO, null, null, null), lease))).as("finished")
                .isEqualTo(2);
    }

    /** A change set with every kind of row: new group, changed group, parts, status changes, members. */
    private static ChangeSet everything(String tenant, int parts) {
        List<StoredCourse> inserts = LongStream.rangeClosed(1, parts)
                .mapToObj(id -> part(tenant, CourseType.VKU, id, "g1", 2)).toList();
        List<StoredMember> members = new ArrayList<>();
        inserts.forEach(p -> members.add(member(tenant, p.partId(), "100" + p.partId())));
        StoredCourse updated = part(tenant, CourseType.VKU, parts + 1, "g1", 3);
        StoredCourse cancelled = part(tenant, CourseType.VKU, parts + 2, "g1", 3)
                .withStatus(CourseStatus.CANCELLED, NOW);
        StoredMember removed = new StoredMember(tenant, 1, "1001", "1001", "Anna", "Muster", null, null, NOW, NOW, NOW);
        return changes(tenant, CourseType.VKU).newGroups(group(tenant, CourseType.VKU, "g1"))
                .changedGroups(group(tenant, CourseType.VKU, "g2")).inserts(inserts).updates(updated)
                .statusChanges(cancelled).memberUpserts(members).memberRemovals(removed).build();
    }

    private static int statements(StatementProbe probe, Runnable action) {
        probe.reset();
        action.run();
        return probe.executed();
    }
}
