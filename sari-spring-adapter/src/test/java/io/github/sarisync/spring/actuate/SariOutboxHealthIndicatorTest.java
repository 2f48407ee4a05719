package io.github.sarisync.spring.actuate;

import io.github.sarisync.memory.InMemoryEnrollmentOutbox;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.OutboxSummary;
import io.github.sarisync.spring.SariOutboxSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SariOutboxHealthIndicatorTest {
    private static final Instant START = Instant.parse("2027-03-01T08:00:00Z");
    private static final String FABER_ID = "001234567";
    private static final LocalDate BIRTHDATE = LocalDate.of(2006, 5, 14);

    private final SariHealthIndicatorTest.MutableClock clock = new SariHealthIndicatorTest.MutableClock(START);
    private final InMemoryEnrollmentOutbox outbox = new InMemoryEnrollmentOutbox(clock);

    private SariOutboxHealthIndicator indicator(Status problemStatus) {
        return new SariOutboxHealthIndicator(new SariOutboxSnapshot(outbox, Duration.ofHours(24), Duration.ZERO, clock),
                Duration.ofHours(1), problemStatus, clock);
    }

    private OutboxEntry pending(String id) {
        return OutboxEntry.pending(id, "op-" + id, "school-a", OutboxAction.ENROLL, 61, FABER_ID, BIRTHDATE,
                clock.instant(), clock.instant());
    }

    /** Fails the entry for good after one retry, as an outbox run gives up. */
    private void giveUp(String id) {
        OutboxEntry retried = outbox.find(id).orElseThrow().retryAt(clock.instant(), "INTERNAL_SERVER_ERROR",
                clock.instant());
        outbox.update(retried);
        outbox.update(retried.giveUp("COURSE_NOT_FOUND", clock.instant()));
    }

    @Test
    void anOutboxWithFreshPendingEntriesOnlyIsUp() {
        outbox.add(List.of(pending("a")));
        clock.advance(Duration.ofMinutes(59));

        Health health = indicator(Status.DOWN).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("pending", 1).containsEntry("gaveUp", 0)
                .containsEntry("oldestPendingSince", START.toString());
    }

    @Test
    void givenUpEntriesMakeItDownSayingHowManyAndSinceWhenButNotWho() {
        outbox.add(List.of(pending("a"), pending("b")));
        clock.advance(Duration.ofMinutes(5));
        giveUp("a");
        Instant firstGiveUp = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        giveUp("b");

        Health health = indicator(Status.DOWN).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("gaveUp", 2).containsEntry("gaveUpSince", firstGiveUp.toString())
                .containsEntry("lastGaveUpAt", clock.instant().toString()).containsEntry("pending", 0);
        assertThat(health.getDetails().get("reasons").toString())
                .contains("2 registration change(s) given up on since " + firstGiveUp);
        assertThat(health.getDetails().toString()).doesNotContain(FABER_ID).doesNotContain("school-a")
                .doesNotContain(BIRTHDATE.toString()).doesNotContain("61");
    }

    @Test
    void aPendingEntryOlderThanTheLimitMakesItDown() {
        outbox.add(List.of(pending("a")));
        clock.advance(Duration.ofMinutes(61));

        Health health = indicator(Status.DOWN).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reasons").toString()).contains("pending since " + START);
    }

    @Test
    void theProblemStatusIsConfigurable() {
        outbox.add(List.of(pending("a")));
        giveUp("a");

        assertThat(indicator(Status.OUT_OF_SERVICE).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(indicator(new Status("WARNING")).health().getStatus().getCode()).isEqualTo("WARNING");
    }

    @Test
    void aGivenUpEntryStopsCountingWhenRetriedCancelledOrOutsideTheWindow() {
        outbox.add(List.of(pending("a"), pending("b")));
        giveUp("a");
        giveUp("b");
        OutboxEntry a = outbox.find("a").orElseThrow();
        outbox.update(new OutboxEntry(a.id(), a.operationId(), a.tenantId(), a.action(), a.courseId(), a.faberId(),
                BIRTHDATE, OutboxState.PENDING, a.attempts(), clock.instant(), a.lastErrorCode(), clock.instant(),
                clock.instant()));
        assertThat(indicator(Status.DOWN).health().getDetails()).containsEntry("gaveUp", 1);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        outbox.update(outbox.find("a").orElseThrow().finish(OutboxState.SUCCEEDED, null, clock.instant()));

        assertThat(indicator(Status.DOWN).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void probesWithinTheCacheTimeReadTheOutboxOnce() {
        AtomicInteger reads = new AtomicInteger();
        EnrollmentOutbox counting = withSummary(since -> {
            reads.incrementAndGet();
            return outbox.summary(since);
        });
        SariOutboxHealthIndicator cached = new SariOutboxHealthIndicator(
                new SariOutboxSnapshot(counting, Duration.ofHours(24), Duration.ofSeconds(10), clock),
                Duration.ofHours(1), Status.DOWN, clock);

        cached.health();
        cached.health();
        clock.advance(Duration.ofSeconds(10));
        cached.health();

        assertThat(reads).hasValue(2);
    }

    @Test
    void anUnreadableOutboxIsDownNamingTheFailureKindOnly() {
        EnrollmentOutbox broken = withSummary(since -> {
            throw new IllegalStateException("connection to db.internal:5432 refused for user sari");
        });
        Health health = new SariOutboxHealthIndicator(
                new SariOutboxSnapshot(broken, Duration.ofHours(24), Duration.ZERO, clock),
                Duration.ofHours(1), Status.DOWN, clock).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().toString()).doesNotContain("db.internal");
    }

    /** The test's outbox with its summary answered by {@code summary}. */
    private EnrollmentOutbox withSummary(Function<Instant, OutboxSummary> summary) {
        return (EnrollmentOutbox) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{EnrollmentOutbox.class}, (proxy, method, args) -> method.getName().equals("summary")
                        ? summary.apply((Instant) args[0]) : method.invoke(outbox, args));
    }
}
