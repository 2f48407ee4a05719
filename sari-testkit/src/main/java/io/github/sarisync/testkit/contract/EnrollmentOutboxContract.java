package io.github.sarisync.testkit.contract;

import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The guarantees of {@link EnrollmentOutbox}, for every implementation. Extend it and return an
 * empty outbox from {@link #createOutbox()} (called before each test). Claims expire in the store's
 * clock, so the contract asks for that clock ({@link #storeNow()}) and for a way to let time pass in it
 * for the claims held ({@link #passStoreTime(Duration)}; a database store may move the stored expiries
 * back instead of waiting):
 *
 * <pre>{@code
 * class MyOutboxTest extends EnrollmentOutboxContract {
 *     protected EnrollmentOutbox createOutbox() { ... }
 *     protected Instant storeNow() { ... }                 // e.g. SELECT CURRENT_TIMESTAMP
 *     protected void passStoreTime(Duration d) { ... }     // e.g. UPDATE ... SET claimed_until = claimed_until - d
 * }
 * }</pre>
 *
 * The cases of give-ups (stamps, announcements, health counts) and of draining tenant by tenant are in
 * {@link OutboxDrainContract}, which this class extends, so one subclass runs them all.
 */
public abstract class EnrollmentOutboxContract extends OutboxDrainContract {

    @Test
    void anAddedEntryIsReadBackAsWritten() {
        OutboxEntry entry = enrol("e1", "op-1", 61, T0, T0.plusSeconds(300));
        OutboxEntry unenrol = OutboxEntry.pending("e2", "op-1", "tenant-1", OutboxAction.UNENROLL, 62, "1.234.567",
                null, T0, T0);

        outbox.add(List.of(entry, unenrol));

        assertThat(outbox.find("e1")).contains(entry);
        assertThat(outbox.find("e2")).contains(unenrol);
        assertThat(outbox.find("unknown")).isEmpty();
    }

    @Test
    void addingIsAllOrNothing() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0)));

        assertThatThrownBy(() -> outbox.add(List.of(enrol("e2", "op-2", 62, T0, T0), enrol("e1", "op-2", 63, T0, T0))))
                .isInstanceOf(RuntimeException.class);
        assertThat(outbox.find("e2")).isEmpty();
        assertThat(outbox.find("e1").orElseThrow().courseId()).isEqualTo(61);
    }

    @Test
    void claimingTakesDuePendingEntriesOldestDueFirstUpToTheLimit() {
        outbox.add(List.of(enrol("late", "op-1", 61, T0, T0.plusSeconds(600)),
                enrol("second", "op-1", 62, T0, T0.plusSeconds(60)),
                enrol("first", "op-1", 63, T0.plusSeconds(1), T0),
                enrol("third", "op-2", 64, T0, T0.plusSeconds(120)),
                enrol("done", "op-2", 65, T0, T0)));
        outbox.update(outbox.find("done").orElseThrow().finish(OutboxState.SUCCEEDED, null, T0));
        Instant now = T0.plusSeconds(300);
        Instant before = storeNow();

        List<OutboxEntry> claimed = outbox.claimDue(now, LEASE, 2);

        Instant after = storeNow();
        assertThat(claimed).extracting(OutboxEntry::id).containsExactly("first", "second");
        assertThat(claimed).allSatisfy(e -> {
            assertThat(e.claimedUntil()).as("expiry in the store's clock")
                    .isBetween(before.plus(LEASE), after.plus(LEASE));
            assertThat(e.claimToken()).isNotBlank().isEqualTo(claimed.get(0).claimToken());
            assertThat(e.state()).isEqualTo(OutboxState.PENDING);
        });
        assertThat(outbox.find("first").orElseThrow().claimedUntil()).isEqualTo(claimed.get(0).claimedUntil());
        assertThat(outbox.claimDue(now, LEASE, 10)).extracting(OutboxEntry::id).containsExactly("third");
    }

    @Test
    void aClaimedEntryIsDueAgainWhenItsLeaseEnds() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0)));
        outbox.claimDue(T0, LEASE, 10);

        passStoreTime(LEASE.minusSeconds(30));
        assertThat(outbox.claimDue(T0, LEASE, 10)).isEmpty();
        passStoreTime(Duration.ofSeconds(30));
        assertThat(outbox.claimDue(T0, LEASE, 10)).extracting(OutboxEntry::id).containsExactly("e1");
    }

    @Test
    void aStaleCompletionAfterTheClaimExpiredAndWasReclaimedIsRefusedAndWritesNothing() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0)));
        OutboxEntry stale = outbox.claimDue(T0, LEASE, 10).get(0);
        passStoreTime(LEASE);
        OutboxEntry current = outbox.claimDue(T0, LEASE, 10).get(0);

        assertThat(current.claimToken()).isNotEqualTo(stale.claimToken());
        assertThat(outbox.markInFlight(stale)).isFalse();
        assertThat(outbox.update(stale.finish(OutboxState.SUCCEEDED, null, T0.plusSeconds(1)))).isFalse();
        assertThat(outbox.extendClaims(stale.claimToken(), LEASE)).isZero();
        assertThat(outbox.find("e1")).contains(current);

        assertThat(outbox.update(current.finish(OutboxState.SUCCEEDED, null, T0.plusSeconds(2)))).isTrue();
        OutboxEntry stored = outbox.find("e1").orElseThrow();
        assertThat(stored.state()).isEqualTo(OutboxState.SUCCEEDED);
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.claimToken()).isNull();
        assertThat(stored.claimedUntil()).isNull();
    }

    @Test
    void aCompletionAfterTheClaimExpiredIsRefusedEvenWhenNobodyClaimedTheEntrySince() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0)));
        OutboxEntry claimed = outbox.claimDue(T0, LEASE, 10).get(0);
        passStoreTime(LEASE);

        assertThat(outbox.update(claimed.retryAt(T0.plusSeconds(60), "INTERNAL_SERVER_ERROR", T0))).isFalse();

        OutboxEntry stored = outbox.find("e1").orElseThrow();
        assertThat(stored.attempts()).isZero();
        assertThat(stored.lastErrorCode()).isNull();
        assertThat(outbox.claimDue(T0, LEASE, 10)).extracting(OutboxEntry::id).containsExactly("e1");
    }

    @Test
    void extendingAClaimKeepsItsEntriesPastTheFirstLease() {
        outbox.add(List.of(enrol("e1", "op-1", 61, T0, T0), enrol("e2", "op-1", 62, T0, T0)));
        List<OutboxEntry> claimed = outbox.claimDue(T0, LEASE, 10);
        passStoreTime(LEASE.minusSeconds(30));

        assertThat(outbox.extendClaims(claimed.get(0).claimToken(), LEASE)).isEqualTo(2);
        passStoreTime(Duration.ofSeconds(60));

        assertThat(outbox.claimDue(T0, LEASE, 10)).isEmpty();
        assertThat(outbox.markInFlight(claimed.get(0))).isTrue();
        assertThat(outbox.update(claimed.get(0).finish(OutboxState.SUCCEEDED, null, T0))).isTrue();
        assertThat(outbox.extendClaims(claimed.get(0).claimToken(), LEASE)).as("e2 only").isEqualTo(1);
    }

    @Test
    void anEntryLeftInFlightIsMarkedSoWhenClaimedAgainUntilItsOutcomeIsWritten() {
        outbox.add(List.of(enrol("sent", "op-1", 61, T0, T0), enrol("untouched", "op-1", 62, T0, T0)));
        List<OutboxEntry> first = outbox.claimDue(T0, LEASE, 10);
        assertThat(first).allSatisfy(e -> assertThat(e.inFlight()).isFalse());
        assertThat(outbox.markInFlight(first.get(0))).isTrue();
        passStoreTime(LEASE);

        List<OutboxEntry> again = outbox.claimDue(T0, LEASE, 10);

        assertThat(again).extracting(OutboxEntry::id, OutboxEntry::inFlight)
                .containsExactly(tuple("sent", true), tuple("untouched", false));
        assertThat(outbox.update(again.get(0).finish(OutboxState.SUCCEEDED, null, T0))).isTrue();
        assertThat(outbox.find("sent").orElseThrow().inFlight()).isFalse();
    }

    @Test
    void entriesAddedClaimedAreHeldByOneClaimUntilItsLeaseEnds() {
        Instant before = storeNow();

        List<OutboxEntry> held = outbox.addClaimed(List.of(enrol("e1", "op-1", 61, T0, T0),
                enrol("e2", "op-1", 62, T0, T0)), LEASE);

        assertThat(held).extracting(OutboxEntry::id).containsExactly("e1", "e2");
        assertThat(held).allSatisfy(e -> {
            assertThat(e.claimToken()).isNotBlank().isEqualTo(held.get(0).claimToken());
            assertThat(e.claimedUntil()).isAfterOrEqualTo(before.plus(LEASE));
        });
        assertThat(outbox.find("e1")).contains(held.get(0));
        assertThat(outbox.claimDue(T0, LEASE, 10)).isEmpty();
        assertThat(outbox.update(held.get(0).finish(OutboxState.SUCCEEDED, null, T0))).isTrue();
        passStoreTime(LEASE);
        assertThat(outbox.claimDue(T0, LEASE, 10)).extracting(OutboxEntry::id).containsExactly("e2");
    }

    @Test
    void concurrentClaimersNeverTakeTheSameEntry() throws Exception {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(enrol("e" + i, "op-1", 100 + i, T0, T0));
        }
        outbox.add(entries);

        List<List<OutboxEntry>> claims = Concurrently.run(8, i -> outbox.claimDue(T0, LEASE, 10));

        List<String> claimedIds = new ArrayList<>(claims.stream().flatMap(List::stream).map(OutboxEntry::id).toList());
        assertThat(claimedIds).doesNotHaveDuplicates();
        // a claimer that lost a race for some entries may return fewer; whatever is left is still due
        outbox.claimDue(T0, LEASE, 40).forEach(e -> claimedIds.add(e.id()));
        assertThat(claimedIds).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void anUpdateWritesTheNewStateAndForgetsTheBirthdateOfAFinishedEntry() {
        OutboxEntry entry = enrol("e1", "op-1", 61, T0, T0);
        outbox.add(List.of(entry));

        OutboxEntry retry = entry.retryAt(T0.plusSeconds(60), "INTERNAL_SERVER_ERROR", T0.plusSeconds(1));
        outbox.update(retry);
        assertThat(outbox.find("e1")).contains(retry);

        OutboxEntry failed = retry.finish(OutboxState.FAILED_PERMANENTLY, "COURSE_NOT_FOUND", T0.plusSeconds(61));
        outbox.update(failed);
        OutboxEntry stored = outbox.find("e1").orElseThrow();
        assertThat(stored).isEqualTo(failed);
        assertThat(stored.attempts()).isEqualTo(2);
        assertThat(stored.birthdate()).isNull();
        assertThat(outbox.claimDue(T0.plusSeconds(3600), LEASE, 10)).isEmpty();
    }

    @Test
    void updatingAnUnknownEntryFails() {
        assertThatThrownBy(() -> outbox.update(enrol("nope", "op-1", 61, T0, T0)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void listingFiltersByTenantOperationAndStateInOrderOfCreation() {
        outbox.add(List.of(enrol("b", "op-1", 61, T0, T0), enrol("a", "op-1", 62, T0, T0),
                enrol("c", "op-2", 63, T0.minusSeconds(10), T0),
                OutboxEntry.pending("d", "op-3", "tenant-2", OutboxAction.UNENROLL, 64, "42", null, T0, T0)));
        outbox.update(outbox.find("a").orElseThrow().finish(OutboxState.SUCCEEDED, null, T0.plusSeconds(5)));

        assertThat(outbox.list(OutboxQuery.all())).extracting(OutboxEntry::id).containsExactly("c", "a", "b", "d");
        assertThat(outbox.list(OutboxQuery.operation("op-1"))).extracting(OutboxEntry::id).containsExactly("a", "b");
        assertThat(outbox.list(OutboxQuery.all().withTenant("tenant-1").withState(OutboxState.PENDING)))
                .extracting(OutboxEntry::id).containsExactly("c", "b");
        assertThat(outbox.list(OutboxQuery.all().withLimit(2))).extracting(OutboxEntry::id).containsExactly("c", "a");
    }

    @Test
    void manyEntriesOfOneOperationAreAddedTogether() {
        String operation = UUID.randomUUID().toString();
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            entries.add(enrol(UUID.randomUUID().toString(), operation, 1000 + i, T0, T0));
        }

        outbox.add(entries);

        assertThat(outbox.list(OutboxQuery.operation(operation))).hasSize(25);
    }
}
