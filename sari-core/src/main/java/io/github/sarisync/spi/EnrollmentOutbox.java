package io.github.sarisync.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every registration change the enrolment service was asked for, so that
 * nothing requested is silently lost: an entry is {@link #add added} before SARI is called and
 * {@link #update updated} after, and entries that failed transiently are {@link #claimDue claimed}
 * and tried again by {@code EnrollmentService.processOutbox()}.
 *
 * <p>The service calls {@link #add} once per operation with all its parts, before the first SARI
 * call; {@link #update} after each attempt; {@link #claimDue} at the start of each outbox run.
 * Never inside another port's transaction, never across an HTTP call. Thread-safe; several
 * processes may share one outbox.
 */
public interface EnrollmentOutbox {

    /** Stores new entries, all or none. Ids must be new. */
    void add(List<OutboxEntry> entries);

    /**
     * Claims PENDING entries due at {@code now} (next attempt at or before it), oldest due first, at most
     * {@code limit}: their next attempt is moved to {@code leaseUntil} in one conditional write each, so
     * that another processor does not take them too, and the claimed entries are returned as written.
     * A processor that dies leaves them due again at {@code leaseUntil}.
     */
    List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Writes an entry's new state, attempts, next attempt, error code and birthdate (found by id).
     *
     * @throws java.util.NoSuchElementException when no entry has this id
     */
    void update(OutboxEntry entry);

    Optional<OutboxEntry> find(String id);

    /** Entries matching a query, ordered by creation time, then id. */
    List<OutboxEntry> list(OutboxQuery query);
}
