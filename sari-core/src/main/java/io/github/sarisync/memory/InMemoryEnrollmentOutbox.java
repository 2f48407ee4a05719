package io.github.sarisync.memory;

import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;

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

/**
 * An {@link EnrollmentOutbox} in memory: durable only as long as the process lives, so for tests,
 * demos and hosts that accept losing queued retries on a restart. Thread-safe.
 */
public final class InMemoryEnrollmentOutbox implements EnrollmentOutbox {
    private static final Comparator<OutboxEntry> BY_CREATION =
            Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id);
    private static final Comparator<OutboxEntry> BY_DUE =
            Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(BY_CREATION);

    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void add(List<OutboxEntry> newEntries) {
        Set<String> ids = new HashSet<>();
        for (OutboxEntry entry : newEntries) {
            Objects.requireNonNull(entry, "entry");
            if (entries.containsKey(entry.id()) || !ids.add(entry.id())) {
                throw new IllegalArgumentException("outbox entry " + entry.id() + " exists already");
            }
        }
        newEntries.forEach(e -> entries.put(e.id(), e));
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        List<OutboxEntry> due = entries.values().stream()
                .filter(e -> e.state() == OutboxState.PENDING && !e.nextAttemptAt().isAfter(now))
                .sorted(BY_DUE).limit(limit).toList();
        List<OutboxEntry> claimed = new ArrayList<>(due.size());
        for (OutboxEntry entry : due) {
            OutboxEntry moved = entry.withNextAttemptAt(leaseUntil, now);
            entries.put(moved.id(), moved);
            claimed.add(moved);
        }
        return List.copyOf(claimed);
    }

    @Override
    public synchronized void update(OutboxEntry entry) {
        if (!entries.containsKey(entry.id())) {
            throw new NoSuchElementException("no outbox entry " + entry.id());
        }
        entries.put(entry.id(), entry);
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
