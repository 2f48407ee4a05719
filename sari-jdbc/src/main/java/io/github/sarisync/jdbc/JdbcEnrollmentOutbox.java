package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.SqlValues;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.OutboxAction;
import io.github.sarisync.spi.OutboxEntry;
import io.github.sarisync.spi.OutboxQuery;
import io.github.sarisync.spi.OutboxState;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The enrolment outbox in the {@code <prefix>enrollment_outbox} table, one row per requested part
 * change. Adding is one batched transaction (all or none). Claiming reads the due rows, then moves
 * each one's next attempt to the lease end in a conditional update that only succeeds while the row
 * is still PENDING and due, so two processes never claim the same row; a process that loses the race
 * for a row just does not get it.
 */
public final class JdbcEnrollmentOutbox implements EnrollmentOutbox {
    private static final int ERROR_CODE_MAX = 100;

    private final Database database;

    JdbcEnrollmentOutbox(Database database) {
        this.database = database;
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
    public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        return database.withHandle(handle -> {
            List<OutboxEntry> due = handle.createQuery(database.sql("outbox.due"))
                    .bind("now", SqlValues.instant(now)).bind("limit", limit)
                    .map((rs, ctx) -> read(rs)).list();
            List<OutboxEntry> claimed = new ArrayList<>(due.size());
            for (OutboxEntry entry : due) {
                int updated = handle.createUpdate(database.sql("outbox.claim"))
                        .bind("id", entry.id()).bind("now", SqlValues.instant(now))
                        .bind("leaseUntil", SqlValues.instant(leaseUntil)).execute();
                if (updated == 1) {
                    claimed.add(entry.withNextAttemptAt(leaseUntil, now));
                }
            }
            return List.copyOf(claimed);
        });
    }

    @Override
    public void update(OutboxEntry entry) {
        int updated = database.withHandle(handle -> handle.createUpdate(database.sql("outbox.update"))
                .bind("id", entry.id()).bind("state", entry.state().name()).bind("attempts", entry.attempts())
                .bind("nextAttemptAt", SqlValues.instant(entry.nextAttemptAt()))
                .bind("lastErrorCode", SqlValues.truncate(entry.lastErrorCode(), ERROR_CODE_MAX))
                .bind("birthdate", SqlValues.date(entry.birthdate()))
                .bind("updatedAt", SqlValues.instant(entry.updatedAt())).execute());
        if (updated == 0) {
            throw new NoSuchElementException("no outbox entry " + entry.id());
        }
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
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }
}
