package io.github.sarisync.spi;

import io.github.sarisync.model.FaberIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One requested registration change for one course part, kept in the {@link EnrollmentOutbox}
 * until it is carried out or fails for good. Written before SARI is called, so that a crash
 * between the call and its bookkeeping leaves it PENDING and it is tried again.
 *
 * <p>Personal data: {@code birthdate} is kept only while an ENROLL entry is PENDING (SARI needs it
 * to register the student) and is cleared when the entry reaches a final state. {@code toString}
 * masks the faberid and leaves the birthdate out.
 *
 * @param id            unique id of the entry
 * @param operationId   the enrolment operation that requested it (also the run-log id of that operation)
 * @param tenantId      the tenant whose SARI credentials carry it out
 * @param action        register or unregister
 * @param courseId      the SARI part id
 * @param faberId       the student's faberid as the caller gave it
 * @param birthdate     the student's birthdate (ENROLL entries while PENDING), else null
 * @param state         where it stands
 * @param attempts      SARI calls made for it so far
 * @param nextAttemptAt when it is due next (while PENDING; also moved ahead while an attempt is in flight)
 * @param lastErrorCode the code of the last failed attempt, or null
 * @param createdAt     when it was requested
 * @param updatedAt     when it was last written
 * @param claimToken    the token of the claim holding the entry (unique per claim), null when not claimed; only
 *                      the holder of this token may write the entry's outcome
 * @param claimedUntil  when that claim expires, in the outbox store's clock (not the application's); null when
 *                      not claimed
 * @param inFlight      a SARI call for the entry was started under a claim and its outcome never written (the
 *                      holder died or lost the claim): whoever attempts it next asks SARI first
 * @param gaveUpAt      when an outbox run gave up on the entry (see {@link #giveUp}), in the outbox store's clock:
 *                      the store stamps it in the write that makes the entry FAILED_PERMANENTLY, so health can
 *                      tell how many changes were given up on, and since when, from the store alone; null for
 *                      every other entry (also for a change refused to a live operation's caller)
 * @param giveUpAnnounced whether the give-up was told to the {@code OutboxListener}
 *                      ({@link EnrollmentOutbox#markGiveUpAnnounced}); false while it was not, e.g. because the
 *                      process that gave up died first; always false without {@code gaveUpAt}
 */
public record OutboxEntry(String id, String operationId, String tenantId, OutboxAction action, long courseId,
                          String faberId, LocalDate birthdate, OutboxState state, int attempts, Instant nextAttemptAt,
                          String lastErrorCode, Instant createdAt, Instant updatedAt, String claimToken,
                          Instant claimedUntil, boolean inFlight, Instant gaveUpAt, boolean giveUpAnnounced) {
    public OutboxEntry {
        requireText(id, "id");
        requireText(operationId, "operationId");
        requireText(tenantId, "tenantId");
        Objects.requireNonNull(action, "action");
        FaberIds.requireValid(faberId);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
        if (action == OutboxAction.ENROLL && state == OutboxState.PENDING && birthdate == null) {
            throw new IllegalArgumentException("a pending ENROLL entry needs the student's birthdate");
        }
        if (state.isFinal()) {
            birthdate = null;
        }
        if ((claimToken == null) != (claimedUntil == null)) {
            throw new IllegalArgumentException("claimToken and claimedUntil go together (entry " + id + ")");
        }
        if (gaveUpAt != null && state != OutboxState.FAILED_PERMANENTLY) {
            throw new IllegalArgumentException("only a FAILED_PERMANENTLY entry can be given up on (entry " + id
                    + " is " + state + ")");
        }
        if (giveUpAnnounced && gaveUpAt == null) {
            throw new IllegalArgumentException("an announced give-up needs gaveUpAt (entry " + id + ")");
        }
    }

    /** An entry as held by a claim, not given up on. */
    public OutboxEntry(String id, String operationId, String tenantId, OutboxAction action, long courseId,
                       String faberId, LocalDate birthdate, OutboxState state, int attempts, Instant nextAttemptAt,
                       String lastErrorCode, Instant createdAt, Instant updatedAt, String claimToken,
                       Instant claimedUntil, boolean inFlight) {
        this(id, operationId, tenantId, action, courseId, faberId, birthdate, state, attempts, nextAttemptAt,
                lastErrorCode, createdAt, updatedAt, claimToken, claimedUntil, inFlight, null, false);
    }

    /** An entry not held by any claim. */
    public OutboxEntry(String id, String operationId, String tenantId, OutboxAction action, long courseId,
                       String faberId, LocalDate birthdate, OutboxState state, int attempts, Instant nextAttemptAt,
                       String lastErrorCode, Instant createdAt, Instant updatedAt) {
        this(id, operationId, tenantId, action, courseId, faberId, birthdate, state, attempts, nextAttemptAt,
                lastErrorCode, createdAt, updatedAt, null, null, false);
    }

    /** A new PENDING entry, due at {@code dueAt}. */
    public static OutboxEntry pending(String id, String operationId, String tenantId, OutboxAction action,
                                      long courseId, String faberId, LocalDate birthdate, Instant now,
                                      Instant dueAt) {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId,
                action == OutboxAction.ENROLL ? birthdate : null, OutboxState.PENDING, 0, dueAt, null, now, now);
    }

    /** This entry after an attempt that failed transiently: PENDING again, due at {@code dueAt}. */
    public OutboxEntry retryAt(Instant dueAt, String errorCode, Instant now) {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, birthdate, OutboxState.PENDING,
                attempts + 1, dueAt, errorCode, createdAt, now, claimToken, claimedUntil, inFlight);
    }

    /**
     * This entry moved to a final state after an attempt (SUCCEEDED or FAILED_PERMANENTLY) whose outcome a caller
     * receives: a live operation's part. An outbox run that fails an entry for good uses {@link #giveUp} instead.
     */
    public OutboxEntry finish(OutboxState finalState, String errorCode, Instant now) {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, null, finalState, attempts + 1,
                now, errorCode, createdAt, now, claimToken, claimedUntil, inFlight);
    }

    /**
     * This entry failed for good after an attempt of an outbox run, with nobody waiting for the answer: the
     * outbox gives up on it. FAILED_PERMANENTLY with {@code gaveUpAt} set; {@link EnrollmentOutbox#update}
     * replaces {@code now} by its own clock's instant in the same write, and the give-up counts for health
     * until an operator acts on the entry.
     */
    public OutboxEntry giveUp(String errorCode, Instant now) {
        Objects.requireNonNull(now, "now");
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, null,
                OutboxState.FAILED_PERMANENTLY, attempts + 1, now, errorCode, createdAt, now, claimToken, claimedUntil,
                inFlight, now, false);
    }

    /** This entry given up without an attempt ({@link OutboxState#CANCELLED}). */
    public OutboxEntry cancel(Instant now) {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, null, OutboxState.CANCELLED,
                attempts, now, lastErrorCode, createdAt, now, claimToken, claimedUntil, inFlight);
    }

    /** This entry with its next attempt moved to a later due time. */
    public OutboxEntry withNextAttemptAt(Instant dueAt, Instant now) {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, birthdate, state, attempts, dueAt,
                lastErrorCode, createdAt, now, claimToken, claimedUntil, inFlight, gaveUpAt, giveUpAnnounced);
    }

    /** This entry held by claim {@code token} until {@code until} (store clock); written by outbox stores. */
    public OutboxEntry claimed(String token, Instant until, Instant now) {
        requireText(token, "claimToken");
        Objects.requireNonNull(until, "claimedUntil");
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, birthdate, state, attempts,
                nextAttemptAt, lastErrorCode, createdAt, now, token, until, inFlight, gaveUpAt, giveUpAnnounced);
    }

    /** This entry as stored once its outcome is written: no claim, not in flight. */
    public OutboxEntry released() {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, birthdate, state, attempts,
                nextAttemptAt, lastErrorCode, createdAt, updatedAt, null, null, false, gaveUpAt, giveUpAnnounced);
    }

    /** This given-up entry with its give-up stamped at {@code at} (store clock); written by outbox stores. */
    public OutboxEntry withGiveUp(Instant at, boolean announced) {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, birthdate, state, attempts,
                nextAttemptAt, lastErrorCode, createdAt, updatedAt, claimToken, claimedUntil, inFlight, at, announced);
    }

    /** This entry marked in flight: a SARI call for it is about to be made. */
    public OutboxEntry markedInFlight() {
        return new OutboxEntry(id, operationId, tenantId, action, courseId, faberId, birthdate, state, attempts,
                nextAttemptAt, lastErrorCode, createdAt, updatedAt, claimToken, claimedUntil, true, gaveUpAt,
                giveUpAnnounced);
    }

    /** Whether a claim holds this entry at {@code storeNow} (an instant of the store's clock). */
    public boolean isClaimedAt(Instant storeNow) {
        return claimedUntil != null && claimedUntil.isAfter(storeNow);
    }

    @Override
    public String toString() {
        return "OutboxEntry[id=" + id + ", operationId=" + operationId + ", tenantId=" + tenantId + ", action="
                + action + ", courseId=" + courseId + ", faberId=" + FaberIds.mask(faberId) + ", state=" + state
                + ", attempts=" + attempts + ", nextAttemptAt=" + nextAttemptAt + ", lastErrorCode=" + lastErrorCode
                + ", claimedUntil=" + claimedUntil + ", inFlight=" + inFlight + ", gaveUpAt=" + gaveUpAt
                + ", giveUpAnnounced=" + giveUpAnnounced + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
