package io.github.sarisync.spi;

import java.time.Instant;

/**
 * A tenant's schedule state as the engine leaves it after each run. Its instants are in the engine's
 * clock, the one the due rule compares them with (a run-log row's start is in the lock's clock).
 *
 * @param lastAttemptAt       when the last run started (null: never)
 * @param lastSuccessAt       when the last run that succeeded (or was PARTIAL) started; a failed run never advances it
 * @param lastOutcome         the status of the last finished run (null: never ran)
 * @param consecutiveFailures failed runs since the last success
 * @param lastErrorCode       the error code of the last failed run, null after a success
 * @param lastErrorMessage    its message (never a secret), null after a success
 */
public record TenantState(Instant lastAttemptAt, Instant lastSuccessAt, RunStatus lastOutcome, int consecutiveFailures,
                          String lastErrorCode, String lastErrorMessage) {
    public static final TenantState NEW = new TenantState(null, null, null, 0, null, null);
}
