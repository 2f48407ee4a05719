package io.github.sarisync.internal.sync;

import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.TenantState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DueRuleTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static TenantState succeededAt(Instant at) {
        return new TenantState(at, at, RunStatus.SUCCEEDED, 0, null, null);
    }

    @Test
    void aTenantThatNeverRanIsDueAtOnce() {
        assertThat(DueRule.evaluate("tenant-1", TenantState.NEW, HOUR, true, T0)).contains(SyncTrigger.SCHEDULED);
    }

    @Test
    void aTenantIsDueAtTheFirstSlotAfterItsLastSuccessAndNotBefore() {
        long phase = DueRule.phase("tenant-1", HOUR.toMillis());
        Instant slot = DueRule.nextSlotAfter(T0, phase, HOUR.toMillis());
        TenantState state = succeededAt(T0);

        assertThat(slot).isAfter(T0).isBeforeOrEqualTo(T0.plus(HOUR));
        assertThat(DueRule.evaluate("tenant-1", state, HOUR, true, slot.minusMillis(1))).isEmpty();
        assertThat(DueRule.evaluate("tenant-1", state, HOUR, true, slot)).contains(SyncTrigger.SCHEDULED);
    }

    @Test
    void aTenantOverdueByMoreThanAnIntervalIsCaughtUpOnce() {
        TenantState state = succeededAt(T0);
        Instant afterDowntime = T0.plus(Duration.ofHours(5));

        assertThat(DueRule.evaluate("tenant-1", state, HOUR, true, afterDowntime)).contains(SyncTrigger.CATCH_UP);
        assertThat(DueRule.evaluate("tenant-1", succeededAt(afterDowntime), HOUR, true, afterDowntime.plusSeconds(1)))
                .isEmpty();
    }

    @Test
    void withoutStaggerEveryTenantIsDueOnTheHour() {
        Instant slot = Instant.parse("2026-03-02T09:00:00Z");

        assertThat(DueRule.evaluate("tenant-1", succeededAt(T0.plusSeconds(1)), HOUR, false, slot.minusSeconds(1)))
                .isEmpty();
        assertThat(DueRule.evaluate("tenant-1", succeededAt(T0.plusSeconds(1)), HOUR, false, slot))
                .contains(SyncTrigger.SCHEDULED);
    }

    @Test
    void phasesOfManyTenantsSpreadOverTheInterval() {
        long interval = HOUR.toMillis();
        Set<Long> sixMinuteBuckets = new HashSet<>();
        IntStream.range(0, 100).forEach(i -> {
            long phase = DueRule.phase("tenant-" + i, interval);
            assertThat(phase).isBetween(0L, interval - 1);
            assertThat(DueRule.phase("tenant-" + i, interval)).isEqualTo(phase);
            sixMinuteBuckets.add(phase / Duration.ofMinutes(6).toMillis());
        });

        assertThat(sixMinuteBuckets).hasSize(10);
    }

    @Test
    void aFailedTenantIsRetriedAtItsNextSlotNotOnEveryCall() {
        Instant attempt = T0.plus(Duration.ofHours(2));
        TenantState failed = new TenantState(attempt, T0, RunStatus.FAILED, 1, "INTERNAL_SERVER_ERROR", "down");
        long phase = DueRule.phase("tenant-1", HOUR.toMillis());
        Instant retry = DueRule.nextSlotAfter(attempt, phase, HOUR.toMillis());

        assertThat(DueRule.evaluate("tenant-1", failed, HOUR, true, attempt.plusSeconds(1))).isEmpty();
        assertThat(DueRule.evaluate("tenant-1", failed, HOUR, true, retry)).contains(SyncTrigger.SCHEDULED);
    }
}
