package io.github.sarisync.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every registration change the enrolment service was asked for, so that
 * nothing requested is silently lost and nothing is sent to SARI twice: an entry is
 * {@link #addClaimed added} (held by a claim) before SARI is called and {@link #update updated} after,
 * and entries that failed transiently are {@link #claimDue claimed} and tried again by
 * {@code EnrollmentService.processOutbox()}.
 *
 * <p><b>Claims.</b> Whoever works on an entry holds it by a claim: a token unique to that claim and an
 * expiry computed in the <em>store's</em> clock (the database's for a database), so that the
 * application instances' clocks need not agree. A claim is extended while its holder works
 * ({@link #extendClaims}); once it expires another processor may claim the entry, and from then on the
 * old holder's writes ({@link #markInFlight}, {@link #update}) are refused and write nothing.
 *
 * <p>When it is called: {@link #addClaimed} once per operation (and once per undo) with its parts, before
 * the first SARI call; {@link #claimDue} at the start of each outbox run (with a lock: {@link #dueTenants}, then
 * {@link #claimDue(String, Instant, Duration, int)} per tenant whose lease the run holds); {@link #extendClaims}
 * while an operation or outbox run works; {@link #markInFlight} right before each SARI call; {@link #update} after
 * each attempt; {@link #markGiveUpAnnounced} after a give-up was written and {@link #unannouncedGiveUps} once per
 * outbox run, so that every give-up is told once even when the process that gave up died. Never inside
 * another port's transaction, never across an HTTP call. Thread-safe; several processes may share one outbox.
 */
public interface EnrollmentOutbox {

    /** Stores new entries as given (not claimed), all or none. Ids must be new. */
    void add(List<OutboxEntry> entries);

    /**
     * Stores new entries held by one new claim for {@code lease} from the store's now, all or none, and
     * returns them as written (with their {@link OutboxEntry#claimToken() claim token} and expiry).
     */
    List<OutboxEntry> addClaimed(List<OutboxEntry> entries, Duration lease);

    /**
     * Claims PENDING entries that are due at {@code now} (next attempt at or before it, in the caller's
     * clock) and not held by an unexpired claim (in the store's clock), oldest due first, at most
     * {@code limit}, all under one new claim token held for {@code lease} from the store's now. Each entry
     * is claimed in one conditional write, so two processors never hold the same entry; the claimed
     * entries are returned as written. A processor that dies leaves them claimable when the lease ends.
     */
    List<OutboxEntry> claimDue(Instant now, Duration lease, int limit);

    /**
     * The tenants that have entries {@link #claimDue claimDue} would take at {@code now}: PENDING, due at or before
     * {@code now} (the caller's clock), not held by an unexpired claim (the store's clock); ordered by their
     * earliest due entry, then id, at most {@code limit}. An outbox run that drains each tenant under the tenant's
     * lease asks this before taking any lease. A hint only: another processor may claim the entries meanwhile.
     */
    List<String> dueTenants(Instant now, int limit);

    /**
     * As {@link #claimDue(Instant, Duration, int)}, restricted to the entries of one tenant: an outbox run that
     * holds the tenant's lease claims that tenant's due entries, and no other tenant's.
     */
    List<OutboxEntry> claimDue(String tenantId, Instant now, Duration lease, int limit);

    /**
     * Extends to {@code lease} from the store's now every entry still held by {@code claimToken} (the claim
     * not expired, no outcome written yet) and returns how many that were.
     */
    int extendClaims(String claimToken, Duration lease);

    /**
     * Records that a SARI call for the claimed entry is about to be made, if the entry's claim still holds;
     * false (and nothing written) when it expired or was taken by another claim: the caller must not call
     * SARI for it. An entry whose outcome is never written stays marked, so its next attempt asks SARI
     * whether the change was made before making it again.
     */
    boolean markInFlight(OutboxEntry claimed);

    /**
     * Writes an entry's new state, attempts, next attempt, error code and birthdate (found by id) and
     * releases its claim (no token, not in flight), on condition that the claim the entry carries still
     * holds: the stored entry has the same {@link OutboxEntry#claimToken() claim token} (null for an entry
     * nobody claimed) and that claim has not expired in the store's clock.
     *
     * <p>An entry written with a {@link OutboxEntry#gaveUpAt() gaveUpAt} (an outbox run {@link OutboxEntry#giveUp
     * gave up on it}) is stamped given up at the store's now in the same write, not at the caller's instant,
     * and not announced yet; a stored stamp is kept when such an entry is written again. An entry written
     * without one is stored without a give-up.
     *
     * @return true when written; false when the claim was lost (expired or taken by another claim), in
     *         which case nothing is written
     * @throws java.util.NoSuchElementException when no entry has this id
     */
    boolean update(OutboxEntry entry);

    Optional<OutboxEntry> find(String id);

    /** Entries matching a query, ordered by creation time, then id. */
    List<OutboxEntry> list(OutboxQuery query);

    /**
     * Given-up entries whose give-up was not told to the {@code OutboxListener} yet ({@link OutboxEntry#giveUpAnnounced()}
     * false) and was stamped at least {@code olderThan} ago in the store's clock, oldest give-up first, at most
     * {@code limit}: the process that gave up died before telling, or its telling was lost with it. The delay
     * leaves the process that gave up time to tell first.
     */
    List<OutboxEntry> unannouncedGiveUps(Duration olderThan, int limit);

    /**
     * Marks a given-up entry's give-up as told, in one conditional write: true for the one caller that marked
     * it, false when it was marked already (another process tells it), is not given up, or does not exist. A
     * processor marks before it tells the listener, so that two processes never both tell the same give-up.
     */
    boolean markGiveUpAnnounced(String id);

    /**
     * Counts for health checks, from the store alone: entries given up on since {@code gaveUpSince} (their
     * {@link OutboxEntry#gaveUpAt() gaveUpAt}, in the store's clock, at or after it) with the first and the last
     * give-up, and the PENDING entries with the creation time of the oldest. A change refused to a live
     * operation's caller is no give-up; an entry an operator retried or cancelled since is no longer
     * FAILED_PERMANENTLY and no longer counts. Called by health checks (behind a cache); stores should answer
     * with one aggregate query. This default reads the entries through {@link #list} and serves small stores only.
     */
    default OutboxSummary summary(Instant gaveUpSince) {
        int gaveUp = 0;
        Instant firstGaveUp = null;
        Instant lastGaveUp = null;
        for (OutboxEntry e : list(OutboxQuery.all().withState(OutboxState.FAILED_PERMANENTLY))) {
            Instant at = e.gaveUpAt();
            if (at != null && !at.isBefore(gaveUpSince)) {
                gaveUp++;
                firstGaveUp = firstGaveUp == null || at.isBefore(firstGaveUp) ? at : firstGaveUp;
                lastGaveUp = lastGaveUp == null || at.isAfter(lastGaveUp) ? at : lastGaveUp;
            }
        }
        List<OutboxEntry> pending = list(OutboxQuery.all().withState(OutboxState.PENDING));
        Instant oldest = pending.isEmpty() ? null : pending.get(0).createdAt();
        return new OutboxSummary(gaveUp, firstGaveUp, lastGaveUp, pending.size(), oldest);
    }
}
