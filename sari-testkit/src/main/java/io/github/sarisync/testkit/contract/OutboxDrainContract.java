package io.github.sarisync.testkit.contract;

import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.OutboxSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What outbox runs need of an {@link io.github.sarisync.spi.EnrollmentOutbox} beyond claims: the due entries
 * tenant by tenant (a run drains each tenant under its lease), and give-ups stamped in the store's clock, counted
 * for health and announced once. Part of {@link EnrollmentOutboxContract}; extend that.
 */
public abstract class OutboxDrainContract extends OutboxContractSupport {

    /** Gives {@code id} up as an outbox run does (it attempted the entry once); returns the entry as stored. */
    private OutboxEntry giveUp(String id) {
        assertThat(outbox.update(outbox.find(id).orElseThrow().giveUp("COURSE_NOT_FOUND", T0))).isTrue();
        return outbox.find(id).orElseThrow();
    }

    @Test
    void dueTenantsAreTheTenantsWithClaimableDueEntriesByTheirEarliestDueEntry() {
        outbox.add(List.of(enrol("a1", "tenant-a", "op-1", 61, T0, T0),
                enrol("b1", "tenant-b", "op-2", 62, T0, T0.minusSeconds(60)),
                enrol("a2", "tenant-a", "op-1", 63, T0, T0.minusSeconds(10)),
                enrol("c1", "tenant-c", "op-3", 64, T0, T0.plusSeconds(600)),
                enrol("d1", "tenant-d", "op-4", 65, T0, T0),
                enrol("e1", "tenant-e", "op-5", 66, T0, T0)));
        outbox.claimDue("tenant-d", T0, LEASE, 10);
        outbox.update(outbox.find("e1").orElseThrow().finish(OutboxState.SUCCEEDED, null, T0));

        assertThat(outbox.dueTenants(T0, 10)).as("c1 not due, d1 claimed, e1 done")
                .containsExactly("tenant-b", "tenant-a");
        assertThat(outbox.dueTenants(T0, 1)).containsExactly("tenant-b");
        assertThat(createOutbox().dueTenants(T0, 10)).isEmpty();
    }

    @Test
    void claimingForOneTenantTakesOnlyThatTenantsDueEntriesOldestDueFirst() {
        outbox.add(List.of(enrol("a1", "tenant-a", "op-1", 61, T0, T0),
                enrol("b1", "tenant-b", "op-2", 62, T0, T0.minusSeconds(60)),
                enrol("a2", "tenant-a", "op-1", 63, T0, T0.minusSeconds(10)),
                enrol("a3", "tenant-a", "op-1", 64, T0, T0.minusSeconds(5)),
                enrol("a4", "tenant-a", "op-1", 65, T0, T0.plusSeconds(600))));

        List<OutboxEntry> claimed = outbox.claimDue("tenant-a", T0, LEASE, 2);

        assertThat(claimed).extracting(OutboxEntry::id).containsExactly("a2", "a3");
        assertThat(claimed).allSatisfy(e -> assertThat(e.claimToken()).isEqualTo(claimed.get(0).claimToken()));
        assertThat(outbox.claimDue("tenant-a", T0, LEASE, 10)).extracting(OutboxEntry::id).containsExactly("a1");
        assertThat(outbox.claimDue("tenant-a", T0, LEASE, 10)).isEmpty();
        assertThat(outbox.claimDue(T0, LEASE, 10)).extracting(OutboxEntry::id).containsExactly("b1");
    }

    @Test
    void aGiveUpIsStampedInTheStoresClockInTheWriteThatFailsTheEntryAndIsNotAnnouncedYet() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0)));
        OutboxEntry claimed = outbox.claimDue(T0, LEASE, 10).get(0);
        Instant before = storeNow();

        assertThat(outbox.update(claimed.giveUp("COURSE_NOT_FOUND", T0))).isTrue();

        Instant after = storeNow();
        OutboxEntry stored = outbox.find("e1").orElseThrow();
        assertThat(stored.state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
        assertThat(stored.gaveUpAt()).as("the store's clock, not the caller's").isBetween(before, after);
        assertThat(stored.giveUpAnnounced()).isFalse();
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.birthdate()).isNull();
        assertThat(stored.claimToken()).isNull();
    }

    @Test
    void aGiveUpWrittenAgainKeepsItsFirstStampAndItsAnnouncement() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0)));
        OutboxEntry first = giveUp("e1");
        outbox.markGiveUpAnnounced("e1");
        passStoreTime(Duration.ofSeconds(30));

        outbox.update(first.withGiveUp(T0.plusSeconds(99), false));

        OutboxEntry stored = outbox.find("e1").orElseThrow();
        assertThat(stored.gaveUpAt()).isEqualTo(first.gaveUpAt());
        assertThat(stored.giveUpAnnounced()).isTrue();
    }

    @Test
    void aChangeFinishedForALiveCallerIsNoGiveUp() {
        outbox.add(List.of(enrol("refused", "op-1", 61, T0, T0)));

        outbox.update(outbox.find("refused").orElseThrow().finish(OutboxState.FAILED_PERMANENTLY, "COURSE_FULL", T0));

        assertThat(outbox.find("refused").orElseThrow().gaveUpAt()).isNull();
        assertThat(outbox.summary(T0.minusSeconds(3600 * 24 * 3650L)).gaveUp()).isZero();
        assertThat(outbox.unannouncedGiveUps(Duration.ZERO, 10)).isEmpty();
        assertThat(outbox.markGiveUpAnnounced("refused")).isFalse();
    }

    @Test
    void theSummaryCountsGiveUpsSinceAnInstantWithTheFirstAndLastAndThePendingEntries() {
        outbox.add(List.of(enrol("early", "op-1", 61, T0, T0), enrol("late", "op-2", 62, T0, T0),
                enrol("retried", "op-3", 63, T0, T0), enrol("refused-live", "op-4", 64, T0, T0),
                enrol("pending-old", "op-5", 65, T0.minusSeconds(600), T0.plusSeconds(3600 * 24)),
                enrol("pending-new", "op-6", 66, T0, T0.plusSeconds(3600 * 24))));
        Instant before = storeNow();
        OutboxEntry early = giveUp("early");
        passStoreTime(Duration.ofSeconds(10));
        OutboxEntry late = giveUp("late");
        OutboxEntry retried = giveUp("retried");
        outbox.update(new OutboxEntry(retried.id(), retried.operationId(), retried.tenantId(), retried.action(),
                retried.courseId(), retried.faberId(), BIRTHDATE, OutboxState.PENDING, retried.attempts(),
                T0.plusSeconds(3600 * 24), retried.lastErrorCode(), retried.createdAt(), T0));
        outbox.update(outbox.find("refused-live").orElseThrow()
                .finish(OutboxState.FAILED_PERMANENTLY, "COURSE_FULL", T0));

        OutboxSummary all = outbox.summary(before);
        OutboxSummary afterAll = outbox.summary(storeNow().plusSeconds(1));

        assertThat(outbox.find("retried").orElseThrow().gaveUpAt()).as("retried by an operator").isNull();
        assertThat(all).isEqualTo(new OutboxSummary(2, early.gaveUpAt(), late.gaveUpAt(), 3, T0.minusSeconds(600)));
        assertThat(late.gaveUpAt()).isAfterOrEqualTo(early.gaveUpAt());
        assertThat(afterAll.gaveUp()).isZero();
        assertThat(afterAll.firstGaveUpAt()).isNull();
        assertThat(afterAll.lastGaveUpAt()).isNull();
        assertThat(createOutbox().summary(T0)).isEqualTo(OutboxSummary.EMPTY);
    }

    @Test
    void unannouncedGiveUpsAreTheGiveUpsNobodyMarkedToldOnceTheGraceHasPassed() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0), enrol("e2", "op-2", 62, T0, T0),
                enrol("e3", "op-3", 63, T0, T0), enrol("pending", "op-4", 64, T0, T0)));
        giveUp("e1");
        giveUp("e2");
        giveUp("e3");

        assertThat(outbox.markGiveUpAnnounced("e2")).isTrue();

        assertThat(outbox.unannouncedGiveUps(Duration.ZERO, 10)).extracting(OutboxEntry::id)
                .containsExactlyInAnyOrder("e1", "e3");
        assertThat(outbox.unannouncedGiveUps(Duration.ZERO, 1)).hasSize(1);
        assertThat(outbox.unannouncedGiveUps(Duration.ofHours(1), 10)).as("still within the grace").isEmpty();
    }

    @Test
    void aGiveUpIsMarkedAnnouncedByOneCallerOnly() throws Exception {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0), enrol("pending", "op-2", 62, T0, T0)));
        giveUp("e1");

        List<Boolean> marked = Concurrently.run(8, i -> outbox.markGiveUpAnnounced("e1"));

        assertThat(marked).containsOnlyOnce(true);
        assertThat(outbox.find("e1").orElseThrow().giveUpAnnounced()).isTrue();
        assertThat(outbox.markGiveUpAnnounced("e1")).isFalse();
        assertThat(outbox.markGiveUpAnnounced("pending")).isFalse();
        assertThat(outbox.markGiveUpAnnounced("unknown")).isFalse();
        assertThat(outbox.unannouncedGiveUps(Duration.ZERO, 10)).isEmpty();
    }
}
