package io.github.sarisync.enrollment;

import io.github.sarisync.TestClock;
import io.github.sarisync.memory.InMemoryEnrollmentOutbox;
import io.github.sarisync.model.FaberIds;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryEnrollmentOutboxTest {
    private static final Instant T0 = Instant.parse("2027-01-10T08:00:00Z");
    private static final LocalDate BIRTHDATE = LocalDate.of(2005, 4, 1);

    private final TestClock storeClock = new TestClock(T0);
    private final InMemoryEnrollmentOutbox outbox = new InMemoryEnrollmentOutbox(storeClock);

    private static OutboxEntry entry(String id, String op, long course, Instant due) {
        return OutboxEntry.pending(id, op, "t1", OutboxAction.ENROLL, course, "001234567", BIRTHDATE, T0, due);
    }

    @Test
    void claimsOnlyDueEntriesOldestDueFirstAndHidesThemForTheLease() {
        outbox.add(List.of(entry("a", "op1", 61, T0.plusSeconds(60)), entry("b", "op1", 62, T0),
                entry("c", "op2", 63, T0.plusSeconds(3600))));
        Instant now = T0.plusSeconds(120);
        storeClock.advance(Duration.ofSeconds(120));
        Instant lease = now.plus(Duration.ofMinutes(5));

        List<OutboxEntry> claimed = outbox.claimDue(now, Duration.ofMinutes(5), 10);

        assertThat(claimed).extracting(OutboxEntry::id).containsExactly("b", "a");
        assertThat(claimed).allSatisfy(e -> assertThat(e.claimedUntil()).isEqualTo(lease));
        assertThat(outbox.claimDue(now, Duration.ofMinutes(5), 10)).isEmpty();
        storeClock.advance(Duration.ofMinutes(5));
        assertThat(outbox.claimDue(lease, Duration.ofMinutes(5), 10)).extracting(OutboxEntry::id)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void claimRespectsTheLimitAndSkipsFinishedEntries() {
        outbox.add(List.of(entry("a", "op1", 61, T0), entry("b", "op1", 62, T0), entry("c", "op1", 63, T0)));
        outbox.update(outbox.find("a").orElseThrow().finish(OutboxState.SUCCEEDED, null, T0));

        assertThat(outbox.claimDue(T0, Duration.ofSeconds(60), 1)).extracting(OutboxEntry::id).containsExactly("b");
    }

    @Test
    void finishedEntriesForgetTheBirthdate() {
        outbox.add(List.of(entry("a", "op1", 61, T0)));
        outbox.update(outbox.find("a").orElseThrow().finish(OutboxState.FAILED_PERMANENTLY, "COURSE_NOT_FOUND", T0));

        OutboxEntry stored = outbox.find("a").orElseThrow();
        assertThat(stored.state()).isEqualTo(OutboxState.FAILED_PERMANENTLY);
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.lastErrorCode()).isEqualTo("COURSE_NOT_FOUND");
        assertThat(stored.birthdate()).isNull();
        assertThat(stored.toString()).contains(FaberIds.mask("001234567")).doesNotContain("1234567", "2005");
    }

    @Test
    void listsByOperationTenantAndState() {
        outbox.add(List.of(entry("a", "op1", 61, T0), entry("b", "op2", 62, T0)));
        outbox.update(outbox.find("b").orElseThrow().retryAt(T0.plusSeconds(60), "INTERNAL_SERVER_ERROR", T0));

        assertThat(outbox.list(OutboxQuery.operation("op2"))).extracting(OutboxEntry::id).containsExactly("b");
        assertThat(outbox.list(OutboxQuery.all().withTenant("t1").withState(OutboxState.PENDING)))
                .extracting(OutboxEntry::id).containsExactly("a", "b");
        assertThat(outbox.list(OutboxQuery.all().withTenant("other"))).isEmpty();
        assertThat(outbox.find("b").orElseThrow().lastErrorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void refusesDuplicateIdsAndUpdatesOfUnknownEntries() {
        outbox.add(List.of(entry("a", "op1", 61, T0)));
        assertThatThrownBy(() -> outbox.add(List.of(entry("x", "op1", 61, T0), entry("a", "op1", 62, T0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
        assertThat(outbox.find("x")).isEmpty();
        assertThatThrownBy(() -> outbox.update(entry("nope", "op1", 61, T0)))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void pendingEnrolEntryWithoutBirthdateIsRefused() {
        assertThatThrownBy(() -> OutboxEntry.pending("a", "op", "t1", OutboxAction.ENROLL, 61, "1234567", null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birthdate");
        assertThat(OutboxEntry.pending("a", "op", "t1", OutboxAction.UNENROLL, 61, "1234567", BIRTHDATE, T0, T0)
                .birthdate()).isNull();
    }
}
