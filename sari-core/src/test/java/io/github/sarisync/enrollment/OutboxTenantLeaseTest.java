package io.github.sarisync.enrollment;

import io.github.sarisync.TestClock;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.SyncLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enrolment service built with the engine's lock drains each tenant's outbox entries under the tenant's sync
 * lease: never while a sync (or another drain) holds it, and no further once it lost it.
 */
class OutboxTenantLeaseTest extends EnrollmentFixture {
    private static final String OTHER_TENANT = "school-2";
    private static final Duration LEASE = OutboxPolicy.defaults().claimLease();

    /** The lock's own clock, so a test can let a lease expire without expiring the outbox claims. */
    private TestClock lockClock;
    private InMemorySyncLock lock;

    @BeforeEach
    void leasedService() {
        lockClock = new TestClock(NOW);
        lock = new InMemorySyncLock(lockClock);
        service = builder().lock(lock).instanceId("app-1").build();
    }

    private static OutboxEntry due(String id, String tenantId, long courseId) {
        return OutboxEntry.pending(id, "op-" + id, tenantId, OutboxAction.ENROLL, courseId, FABER_ID, BIRTHDATE, NOW,
                NOW);
    }

    @Test
    void aTenantWhoseSyncHoldsItsLeaseIsSkippedAndDrainedByTheNextRun() {
        outbox.add(List.of(due("a61", TENANT, 61), due("b62", OTHER_TENANT, 62)));
        Lease sync = lock.tryAcquire(SyncLock.tenantLeaseName(TENANT), "engine-1#abcd1234", LEASE).orElseThrow();

        OutboxRunReport first = service.processOutbox();

        assertThat(first).isEqualTo(new OutboxRunReport(1, 1, 0, 0, 0, 1, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 62");
        OutboxEntry waiting = outbox.find("a61").orElseThrow();
        assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.claimToken()).as("left unclaimed for the next run").isNull();

        lock.release(sync);
        OutboxRunReport second = service.processOutbox();

        assertThat(second).isEqualTo(new OutboxRunReport(1, 1, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 62", "PUT 61");
    }

    @Test
    void whileTheDrainSendsItHoldsTheTenantsLeaseUnderItsOwnHolderIdAndReleasesItAfter() {
        outbox.add(List.of(due("a61", TENANT, 61)));
        AtomicReference<Optional<Lease>> syncDuringTheCall = new AtomicReference<>();
        sari.whileAnswering("PUT 61", () -> syncDuringTheCall.set(
                lock.tryAcquire(SyncLock.tenantLeaseName(TENANT), "engine-1#abcd1234", LEASE)));

        service.processOutbox();

        assertThat(syncDuringTheCall.get()).as("a sync of the tenant is LOCKED while the drain sends").isEmpty();
        assertThat(service.holderId()).startsWith("app-1#outbox-");
        assertThat(lock.tryAcquire(SyncLock.tenantLeaseName(TENANT), "engine-1#abcd1234", LEASE))
                .as("released after the drain").isPresent();
    }

    @Test
    void aDrainThatLostTheLeaseStopsSendingForThatTenantAndLeavesItsEntriesToTheNextRun() {
        outbox.add(List.of(due("a61", TENANT, 61), due("a62", TENANT, 62), due("a63", TENANT, 63)));
        AtomicReference<Lease> thief = new AtomicReference<>();
        sari.whileAnswering("PUT 61", () -> {
            // SARI keeps the drain waiting past its lease; a sync on another instance takes the tenant over
            lockClock.advance(LEASE.plusSeconds(1));
            clock.advance(LEASE.dividedBy(2));
            thief.set(lock.tryAcquire(SyncLock.tenantLeaseName(TENANT), "engine-2#dcba4321", LEASE).orElseThrow());
        });

        OutboxRunReport stopped = service.processOutbox();

        assertThat(stopped).isEqualTo(new OutboxRunReport(1, 1, 0, 0, 0, 0, 1, 0));
        assertThat(sari.calls()).containsExactly("PUT 61");
        assertThat(List.of("a62", "a63")).allSatisfy(id -> {
            OutboxEntry left = outbox.find(id).orElseThrow();
            assertThat(left.state()).isEqualTo(OutboxState.PENDING);
            assertThat(left.attempts()).isZero();
            assertThat(left.claimToken()).as("released, not held until the claim expires").isNull();
        });
        assertThat(service.processOutbox().lockedTenants()).as("the thief still holds the tenant").isEqualTo(1);

        lock.release(thief.get());
        assertThat(service.processOutbox()).isEqualTo(new OutboxRunReport(2, 2, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 61", "PUT 62", "PUT 63");
    }

    @Test
    void twoServicesOnOneLockNeverDrainTheSameTenantAtOnce() {
        outbox.add(List.of(due("a61", TENANT, 61), due("a62", TENANT, 62)));
        service = builder().lock(lock).instanceId("app-1").outboxPolicy(OutboxPolicy.builder().batchSize(1).build())
                .build();
        EnrollmentService other = builder().lock(lock).instanceId("app-2").build();
        AtomicReference<OutboxRunReport> meanwhile = new AtomicReference<>();
        sari.whileAnswering("PUT 61", () -> meanwhile.set(other.processOutbox()));

        OutboxRunReport first = service.processOutbox();

        assertThat(first).as("one entry per run").isEqualTo(new OutboxRunReport(1, 1, 0, 0));
        assertThat(meanwhile.get()).as("part 62 is due, but its tenant is being drained by the first service")
                .isEqualTo(new OutboxRunReport(0, 0, 0, 0, 0, 1, 0, 0));
        assertThat(other.processOutbox()).isEqualTo(new OutboxRunReport(1, 1, 0, 0));
        assertThat(sari.calls()).containsExactly("PUT 61", "PUT 62");
    }
}
