package io.github.sarisync.memory;

import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An {@link EnrollmentOutbox} in memory: durable only as long as the process lives, so for tests,
 * demos and hosts that accept losing queued retries on a restart. Thread-safe. Claims expire in the
 * clock given to the constructor (the store's clock), which tests share with the service to move time.
 */
public final class InMemoryEnrollmentOutbox implements EnrollmentOutbox {
    private static final Comparator<OutboxEntry> BY_CREATION =
            Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id);
    private static final Comparator<OutboxEntry> BY_DUE =
            Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(BY_CREATION);

    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
    private final Clock clock;

    /** An outbox whose claims expire in the system clock. */
    public InMemoryEnrollmentOutbox() {
        this(Clock.systemUTC());
    }

    /** An outbox whose claims expire in {@code clock}. */
    public InMemoryEnrollmentOutbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void add(List<OutboxEntry> newEntries) {
        requireNew(newEntries);
        newEntries.forEach(e -> entries.put(e.id(), e));
    }

    @Override
    public synchronized List<OutboxEntry> addClaimed(List<OutboxEntry> newEntries, Duration lease) {
        requireNew(newEntries);
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        List<OutboxEntry> held = newEntries.stream().map(e -> e.claimed(token, now.plus(requireLease(lease)), now))
                .toList();
        held.forEach(e -> entries.put(e.id(), e));
        return held;
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
        return claim(null, now, lease, limit);
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(String tenantId, Instant now, Duration lease, int limit) {
        return claim(Objects.requireNonNull(tenantId, "tenantId"), now, lease, limit);
    }

    @Override
    public synchronized List<String> dueTenants(Instant now, int limit) {
        requireLimit(limit);
        Instant storeNow = clock.instant();
        return due(null, now, storeNow).map(OutboxEntry::tenantId).distinct().limit(limit).toList();
    }

    private Stream<OutboxEntry> due(String tenantId, Instant now, Instant storeNow) {
        return entries.values().stream()
                .filter(e -> e.state() == OutboxState.PENDING && !e.nextAttemptAt().isAfter(now)
                        && !e.isClaimedAt(storeNow) && (tenantId == null || tenantId.equals(e.tenantId())))
                .sorted(BY_DUE);
    }

    private List<OutboxEntry> claim(String tenantId, Instant now, Duration lease, int limit) {
        requireLimit(limit);
        Instant storeNow = clock.instant();
        Instant until = storeNow.plus(requireLease(lease));
        String token = UUID.randomUUID().toString();
        List<OutboxEntry> due = due(tenantId, now, storeNow).limit(limit).toList();
        List<OutboxEntry> claimed = new ArrayList<>(due.size());
        for (OutboxEntry entry : due) {
            OutboxEntry held = entry.claimed(token, until, storeNow);
            entries.put(held.id(), held);
            claimed.add(held);
        }
        return List.copyOf(claimed);
    }

    @Override
    public synchronized int extendClaims(String claimToken, Duration lease) {
        Objects.requireNonNull(claimToken, "claimToken");
        Instant now = clock.instant();
        Instant until = now.plus(requireLease(lease));
        int extended = 0;
        for (OutboxEntry entry : List.copyOf(entries.values())) {
            if (claimToken.equals(entry.claimToken()) && entry.isClaimedAt(now)) {
                entries.put(entry.id(), entry.claimed(claimToken, until, entry.updatedAt()));
                extended++;
            }
        }
        return extended;
    }

    @Override
    public synchronized boolean markInFlight(OutboxEntry claimed) {
        OutboxEntry stored = stored(claimed.id());
        if (claimed.claimToken() == null || !holds(stored, claimed.claimToken())) {
            return false;
        }
        entries.put(stored.id(), stored.markedInFlight());
        return true;
    }

    @Override
    public synchronized boolean update(OutboxEntry entry) {
        OutboxEntry stored = stored(entry.id());
        boolean allowed = entry.claimToken() == null ? stored.claimToken() == null
                : holds(stored, entry.claimToken());
        if (allowed) {
            OutboxEntry written = entry.released();
            if (entry.gaveUpAt() != null) {
                written = stored.gaveUpAt() != null ? written.withGiveUp(stored.gaveUpAt(), stored.giveUpAnnounced())
                        : written.withGiveUp(clock.instant(), false);
            }
            entries.put(entry.id(), written);
        }
        return allowed;
    }

    @Override
    public synchronized List<OutboxEntry> unannouncedGiveUps(Duration olderThan, int limit) {
        Objects.requireNonNull(olderThan, "olderThan");
        requireLimit(limit);
        Instant latest = clock.instant().minus(olderThan);
        return entries.values().stream()
                .filter(e -> e.gaveUpAt() != null && !e.giveUpAnnounced() && !e.gaveUpAt().isAfter(latest))
                .sorted(Comparator.comparing(OutboxEntry::gaveUpAt).thenComparing(OutboxEntry::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean markGiveUpAnnounced(String id) {
        OutboxEntry stored = entries.get(id);
        if (stored == null || stored.gaveUpAt() == null || stored.giveUpAnnounced()) {
            return false;
        }
        entries.put(id, stored.withGiveUp(stored.gaveUpAt(), true));
        return true;
    }

    private static void requireLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
    }

    private boolean holds(OutboxEntry stored, String token) {
        return token.equals(stored.claimToken()) && stored.isClaimedAt(clock.instant());
    }

    private OutboxEntry stored(String id) {
        OutboxEntry stored = entries.get(id);
        if (stored == null) {
            throw new NoSuchElementException("no outbox entry " + id);
        }
        return stored;
    }

    private void requireNew(List<OutboxEntry> newEntries) {
        Set<String> ids = new HashSet<>();
        for (OutboxEntry entry : newEntries) {
            Objects.requireNonNull(entry, "entry");
            if (entries.containsKey(entry.id()) || !ids.add(entry.id())) {
                throw new IllegalArgumentException("outbox entry " + entry.id() + " exists already");
            }
        }
    }

    private static Duration requireLease(Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("claim lease must be > 0, was " + lease);
        }
        return lease;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized List<OutboxEntry> list(OutboxQuery query) {
        return entries.values().stream()
                .filter(e -> query.tenantId() == null || query.tenantId().equals(e.tenantId()))
                .filter(e -> query.operationId() == null || query.operationId().equals(e.operationId()))
                .filter(e -> query.state() == null || query.state() == e.state())
                .sorted(BY_CREATION).limit(query.limit()).toList();
    }
}
