package io.github.sarisync.internal.sync;

import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.TenantState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When {@code syncDue} runs a tenant. Each tenant has a phase in its interval (a stable hash of
 * its id, or 0 without stagger), so its slots are {@code epoch + phase + k * interval} and schools
 * spread over the interval instead of all running at once. A tenant is due at the first slot
 * after its last success; when even the slot after that has passed, the run was missed (downtime)
 * and is caught up once, as CATCH_UP.
 *
 * <p>A tenant whose last run FAILED is retried at the first slot after that attempt, not on every
 * call, so a school whose SARI is down is asked once per interval and not on every tick. A tenant
 * that never ran is due at once.
 */
public final class DueRule {
    private DueRule() {
    }

    /** The trigger when the tenant is due at {@code now}, empty when it is not. */
    public static Optional<SyncTrigger> evaluate(String tenantId, TenantState state, Duration interval,
                                                 boolean stagger, Instant now) {
        Instant lastSuccess = state.lastSuccessAt();
        Instant lastAttempt = state.lastAttemptAt();
        boolean failedSince = state.lastOutcome() == RunStatus.FAILED && lastAttempt != null
                && (lastSuccess == null || lastAttempt.isAfter(lastSuccess));
        Instant reference = failedSince ? lastAttempt : lastSuccess;
        if (reference == null) {
            return Optional.of(SyncTrigger.SCHEDULED);
        }
        long intervalMillis = interval.toMillis();
        long phase = stagger ? phase(tenantId, intervalMillis) : 0;
        Instant slot = nextSlotAfter(reference, phase, intervalMillis);
        if (now.isBefore(slot)) {
            return Optional.empty();
        }
        return Optional.of(now.isBefore(slot.plusMillis(intervalMillis)) ? SyncTrigger.SCHEDULED
                : SyncTrigger.CATCH_UP);
    }

    /** The tenant's offset in its interval, in milliseconds: stable across runs, JVMs and hosts. */
    public static long phase(String tenantId, long intervalMillis) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : tenantId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return Math.floorMod(hash, intervalMillis);
    }

    /** The first slot ({@code phase + k * interval} after the epoch) strictly after {@code instant}. */
    public static Instant nextSlotAfter(Instant instant, long phase, long intervalMillis) {
        long k = Math.floorDiv(instant.toEpochMilli() - phase, intervalMillis) + 1;
        return Instant.ofEpochMilli(phase + k * intervalMillis);
    }
}
