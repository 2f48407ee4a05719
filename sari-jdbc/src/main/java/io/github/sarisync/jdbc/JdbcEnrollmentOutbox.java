package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.SqlValues;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;
import io.github.sarisync.spi.OutboxSummary;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The enrolment outbox in the {@code <prefix>enrollment_outbox} table, one row per requested part
 * change. Adding is one batched transaction (all or none). Every claim expiry is computed and compared
 * in the database's clock ({@code now()} / {@code CURRENT_TIMESTAMP}), never the application's, so
 * instances whose clocks disagree still agree on who holds an entry. A claim is one statement: on
 * PostgreSQL {@code UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING}; on H2 a conditional
 * {@code UPDATE ... WHERE id IN (SELECT ... LIMIT)} whose condition is checked again on each row, then
 * the claimed rows are read back by token. Two processes never claim the same row. Marking in flight,
 * extending and writing an outcome are single conditional statements on the claim token; the write that
 * gives an entry up stamps {@code gave_up_at} with the database's clock, and marking a give-up announced is
 * one conditional statement, so one process wins.
 */
public final class JdbcEnrollmentOutbox implements EnrollmentOutbox {
    private static final int ERROR_CODE_MAX = 100;

    private static final Comparator<OutboxEntry> DUE_ORDER = Comparator.comparing(OutboxEntry::nextAttemptAt)
            .thenComparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id);

    private final Database database;
    private final boolean claimInOneStatement;

    JdbcEnrollmentOutbox(Database database, Dialect dialect) {
        this.database = database;
        this.claimInOneStatement = dialect == Dialect.POSTGRESQL;
    }

    @Override
    public void add(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        database.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(database.sql("outbox.insert"));
            for (OutboxEntry e : Objects.requireNonNull(entries, "entries")) {
                bindAll(batch, e).add();
            }
            return batch.execute();
        });
    }

    @Override
    public List<OutboxEntry> addClaimed(List<OutboxEntry> entries, Duration lease) {
        long leaseMillis = leaseMillis(lease);
        if (entries.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        List<OutboxEntry> written = database.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(database.sql("outbox.insertClaimed"));
            for (OutboxEntry e : entries) {
                bindAll(batch, e).bind("claimToken", token).bind("leaseMillis", leaseMillis).add();
            }
            batch.execute();
            return claimed(handle, token);
        });
        Map<String, OutboxEntry> byId = new HashMap<>();
        written.forEach(e -> byId.put(e.id(), e));
        return entries.stream().map(e -> byId.get(e.id())).toList();
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
        return claim(null, now, lease, limit);
    }

    @Override
    public List<OutboxEntry> claimDue(String tenantId, Instant now, Duration lease, int limit) {
        return claim(Objects.requireNonNull(tenantId, "tenantId"), now, lease, limit);
    }

    @Override
    public List<String> dueTenants(Instant now, int limit) {
        requireLimit(limit);
        return database.withHandle(handle -> handle.createQuery(database.sql("outbox.dueTenants"))
                .bind("now", SqlValues.instant(Objects.requireNonNull(now, "now"))).bind("limit", limit)
                .mapTo(String.class).list());
    }

    private List<OutboxEntry> claim(String tenantId, Instant now, Duration lease, int limit) {
        requireLimit(limit);
        long leaseMillis = leaseMillis(lease);
        String token = UUID.randomUUID().toString();
        List<OutboxEntry> claimed = database.withHandle(handle -> {
            if (claimInOneStatement) {
                return handle.createQuery(database.sql("outbox.claim")).bind("now", SqlValues.instant(now))
                        .bind("tenantId", tenantId).bind("limit", limit).bind("claimToken", token)
                        .bind("leaseMillis", leaseMillis).map((rs, ctx) -> read(rs)).list();
            }
            handle.createUpdate(database.sql("outbox.claim")).bind("now", SqlValues.instant(now))
                    .bind("tenantId", tenantId).bind("limit", limit).bind("claimToken", token)
                    .bind("leaseMillis", leaseMillis).execute();
            return claimed(handle, token);
        });
        return claimed.stream().sorted(DUE_ORDER).toList();
    }

    @Override
    public int extendClaims(String claimToken, Duration lease) {
        Objects.requireNonNull(claimToken, "claimToken");
        long leaseMillis = leaseMillis(lease);
        return database.withHandle(handle -> handle.createUpdate(database.sql("outbox.extend"))
                .bind("claimToken", claimToken).bind("leaseMillis", leaseMillis).execute());
    }

    @Override
    public boolean markInFlight(OutboxEntry claimed) {
        if (claimed.claimToken() == null) {
            return false;
        }
        return database.withHandle(handle -> handle.createUpdate(database.sql("outbox.markInFlight"))
                .bind("id", claimed.id()).bind("claimToken", claimed.claimToken()).execute()) == 1;
    }

    @Override
    public boolean update(OutboxEntry entry) {
        int updated = database.withHandle(handle -> handle.createUpdate(database.sql("outbox.update"))
                .bind("id", entry.id()).bind("state", entry.state().name()).bind("attempts", entry.attempts())
                .bind("nextAttemptAt", SqlValues.instant(entry.nextAttemptAt()))
                .bind("lastErrorCode", SqlValues.truncate(entry.lastErrorCode(), ERROR_CODE_MAX))
                .bind("birthdate", SqlValues.date(entry.birthdate()))
                .bind("updatedAt", SqlValues.instant(entry.updatedAt()))
                .bind("gaveUp", entry.gaveUpAt() != null)
                .bind("claimToken", entry.claimToken()).execute());
        if (updated == 0 && find(entry.id()).isEmpty()) {
            throw new NoSuchElementException("no outbox entry " + entry.id());
        }
        return updated == 1;
    }

    @Override
    public Optional<OutboxEntry> find(String id) {
        return database.withHandle(handle -> handle.createQuery(database.sql("outbox.find")).bind("id", id)
                .map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public List<OutboxEntry> list(OutboxQuery query) {
        return database.withHandle(handle -> handle.createQuery(database.sql("outbox.list"))
                .bind("tenantId", query.tenantId()).bind("operationId", query.operationId())
                .bind("state", query.state() == null ? null : query.state().name()).bind("limit", query.limit())
                .map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public List<OutboxEntry> unannouncedGiveUps(Duration olderThan, int limit) {
        Objects.requireNonNull(olderThan, "olderThan");
        requireLimit(limit);
        return database.withHandle(handle -> handle.createQuery(database.sql("outbox.unannouncedGiveUps"))
                .bind("graceMillis", Math.max(0, olderThan.toMillis())).bind("limit", limit)
                .map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public boolean markGiveUpAnnounced(String id) {
        return database.withHandle(handle -> handle.createUpdate(database.sql("outbox.markGiveUpAnnounced"))
                .bind("id", Objects.requireNonNull(id, "id")).execute()) == 1;
    }

    /**
     * One aggregate statement: five sub-selects, narrowed by the (gave_up_at) and (state, next_attempt_at) indexes.
     * {@code gaveUpSince} (the caller's clock) is compared with the database's stamps.
     */
    @Override
    public OutboxSummary summary(Instant gaveUpSince) {
        Objects.requireNonNull(gaveUpSince, "gaveUpSince");
        return database.withHandle(handle -> handle.createQuery(database.sql("outbox.summary"))
                .bind("since", SqlValues.instant(gaveUpSince))
                .map((rs, ctx) -> new OutboxSummary(rs.getInt("gave_up"), SqlValues.instant(rs, "first_gave_up_at"),
                        SqlValues.instant(rs, "last_gave_up_at"), rs.getInt("pending"),
                        SqlValues.instant(rs, "oldest_pending_since")))
                .one());
    }

    private List<OutboxEntry> claimed(org.jdbi.v3.core.Handle handle, String token) {
        return handle.createQuery(database.sql("outbox.claimed")).bind("claimToken", token)
                .map((rs, ctx) -> read(rs)).list();
    }

    private static void requireLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
    }

    private static long leaseMillis(Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("claim lease must be > 0, was " + lease);
        }
        // the statements count in milliseconds: a positive lease below one still lasts one
        return Math.max(1, lease.toMillis());
    }

    private static PreparedBatch bindAll(PreparedBatch batch, OutboxEntry e) {
        return batch.bind("id", e.id()).bind("operationId", e.operationId()).bind("tenantId", e.tenantId())
                .bind("action", e.action().name()).bind("courseId", e.courseId()).bind("faberId", e.faberId())
                .bind("birthdate", SqlValues.date(e.birthdate())).bind("state", e.state().name())
                .bind("attempts", e.attempts()).bind("nextAttemptAt", SqlValues.instant(e.nextAttemptAt()))
                .bind("lastErrorCode", SqlValues.truncate(e.lastErrorCode(), ERROR_CODE_MAX))
                .bind("createdAt", SqlValues.instant(e.createdAt()))
                .bind("updatedAt", SqlValues.instant(e.updatedAt()));
    }

    private static OutboxEntry read(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getString("id"), rs.getString("operation_id"), rs.getString("tenant_id"),
                OutboxAction.valueOf(rs.getString("action")), rs.getLong("course_id"), rs.getString("faber_id"),
                SqlValues.date(rs, "birthdate"), OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                SqlValues.instant(rs, "next_attempt_at"), rs.getString("last_error_code"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"), rs.getString("claim_token"),
                SqlValues.instant(rs, "claimed_until"), rs.getBoolean("in_flight"), SqlValues.instant(rs, "gave_up_at"),
                rs.getBoolean("gave_up_announced"));
    }
}
