package io.github.sarisync.enrollment;

/**
 * What one {@link EnrollmentService#processOutbox()} run did.
 *
 * @param attempted         due entries claimed and tried
 * @param succeeded         entries carried out (or found done already)
 * @param retryScheduled    entries that failed transiently and wait for a later run
 * @param failedPermanently entries refused for good or out of attempts: given up on in this run
 * @param lostClaims        claimed entries whose claim expired and went to another run before their outcome
 *                          was written: nothing of them was written by this run, the new holder carries them out
 * @param lockedTenants     tenants with due entries whose lease another holder had (a sync of the tenant, or
 *                          another instance's outbox run): skipped in this run, their entries left for a later one;
 *                          always 0 for a service built without a lock
 * @param lostLeases        tenants whose lease this run lost while it drained them: it stopped sending for them and
 *                          released their remaining claimed entries (not counted as attempted) for a later run
 * @param lateGiveUps       give-ups of earlier runs that nobody had told the {@link OutboxListener} (the process that
 *                          gave up died first) and that this run told
 */
public record OutboxRunReport(int attempted, int succeeded, int retryScheduled, int failedPermanently,
                              int lostClaims, int lockedTenants, int lostLeases, int lateGiveUps) {
    public static final OutboxRunReport EMPTY = new OutboxRunReport(0, 0, 0, 0, 0, 0, 0, 0);

    /** A run that lost no claim and no lease, skipped no tenant and told no earlier give-up. */
    public OutboxRunReport(int attempted, int succeeded, int retryScheduled, int failedPermanently) {
        this(attempted, succeeded, retryScheduled, failedPermanently, 0);
    }

    /** A run that lost no lease, skipped no tenant and told no earlier give-up. */
    public OutboxRunReport(int attempted, int succeeded, int retryScheduled, int failedPermanently, int lostClaims) {
        this(attempted, succeeded, retryScheduled, failedPermanently, lostClaims, 0, 0, 0);
    }
}
