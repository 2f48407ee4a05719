package io.github.sarisync.jdbc;

import io.github.sarisync.internal.jdbc.Database;
import io.github.sarisync.internal.jdbc.SqlValues;
import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.SyncTrigger;
import io.github.sarisync.spi.TenantRunStats;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The run log in the {@code <prefix>sync_runs} table, with the monitoring queries. Each method is
 * one statement. The equivalent SQL for operators is in the module's {@code README-monitoring.md}.
 */
public final class JdbcSyncLogStore implements SyncLogStore {
    /** Column sizes: longer texts are cut (with an ellipsis) rather than failing the log write. */
    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_DETAIL = 4000;

    private final Database database;
    private final Clock clock;

    JdbcSyncLogStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void started(SyncRun run) {
        write("run.started", run);
    }

    @Override
    public void heartbeat(String runId, Instant at) {
        database.withHandle(handle -> handle.createUpdate(database.sql("run.heartbeat"))
                .bind("runId", runId).bind("at", SqlValues.instant(at)).execute());
    }

    @Override
    public void finished(SyncRun run, Lease lease) {
        Objects.requireNonNull(run, "run");
        database.fencedWrite(lease, "syncLogStore.finished of run " + run.runId() + " of tenant " + run.tenantId(),
                handle -> bind(handle.createUpdate(database.sql("run.finished")), run).execute());
    }

    @Override
    public int markAbandoned(Instant heartbeatBefore, Instant at) {
        return database.withHandle(handle -> handle.createUpdate(database.sql("run.markAbandoned"))
                .bind("heartbeatBefore", SqlValues.instant(heartbeatBefore)).bind("at", SqlValues.instant(at))
                .execute());
    }

    /** Marks runs whose heartbeat is older than {@code staleAfter} (by this store's clock) as ABANDONED. */
    public int markAbandoned(Duration staleAfter) {
        Instant now = clock.instant();
        return markAbandoned(now.minus(staleAfter), now);
    }

    @Override
    public int purge(Instant startedBefore) {
        return database.withHandle(handle -> handle.createUpdate(database.sql("run.purge"))
                .bind("startedBefore", SqlValues.instant(startedBefore)).execute());
    }

    /** Deletes finished runs older than {@code retention} (by this store's clock). */
    public int purgeOlderThan(Duration retention) {
        return purge(clock.instant().minus(retention));
    }

    @Override
    public List<SyncRun> recentRuns(String tenantId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        return database.withHandle(handle -> {
            var query = handle.createQuery(database.sql(tenantId == null ? "run.recent" : "run.recentOfTenant"))
                    .bind("limit", limit);
            if (tenantId != null) {
                query.bind("tenantId", tenantId);
            }
            return query.map((rs, ctx) -> run(rs)).list();
        });
    }

    @Override
    public List<SyncRun> lastRunPerTenant() {
        return database.withHandle(handle -> handle.createQuery(database.sql("run.lastPerTenant"))
                .map((rs, ctx) -> run(rs)).list());
    }

    @Override
    public List<TenantRunStats> stats(Instant since) {
        Objects.requireNonNull(since, "since");
        return database.withHandle(handle -> handle.createQuery(database.sql("run.stats"))
                .bind("since", SqlValues.instant(since))
                .map((rs, ctx) -> new TenantRunStats(rs.getString("tenant_id"), rs.getInt("succeeded"),
                        rs.getInt("partial"), rs.getInt("failed"), rs.getInt("skipped"), rs.getInt("abandoned")))
                .list());
    }

    /** Counts per tenant over the last {@code window} (by this store's clock), e.g. the last 24 hours. */
    public List<TenantRunStats> stats(Duration window) {
        return stats(clock.instant().minus(window));
    }

    @Override
    public List<SyncRun> runningRuns() {
        return database.withHandle(handle -> handle.createQuery(database.sql("run.running"))
                .map((rs, ctx) -> run(rs)).list());
    }

    private void write(String statement, SyncRun run) {
        Objects.requireNonNull(run, "run");
        database.withHandle(handle -> bind(handle.createUpdate(database.sql(statement)), run).execute());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, SyncRun run) {
        SyncCounts counts = run.counts();
        return statement.bind("runId", run.runId())
                .bind("tenantId", run.tenantId())
                .bind("operation", run.operation())
                .bind("trigger", run.trigger() == null ? null : run.trigger().name())
                .bind("status", run.status().name())
                .bind("startedAt", SqlValues.instant(run.startedAt()))
                .bind("heartbeatAt", SqlValues.instant(run.heartbeatAt()))
                .bind("finishedAt", SqlValues.instant(run.finishedAt()))
                .bind("inserted", counts.inserted())
                .bind("updated", counts.updated())
                .bind("unchanged", counts.unchanged())
                .bind("completed", counts.completed())
                .bind("cancelled", counts.cancelled())
                .bind("membersAdded", counts.membersAdded())
                .bind("membersRemoved", counts.membersRemoved())
                .bind("rejected", counts.rejected())
                .bind("errorCode", run.errorCode())
                .bind("errorMessage", SqlValues.truncate(run.errorMessage(), MAX_MESSAGE))
                .bind("detail", SqlValues.truncate(run.detail(), MAX_DETAIL));
    }

    private static SyncRun run(ResultSet rs) throws SQLException {
        String trigger = rs.getString("run_trigger");
        SyncCounts counts = new SyncCounts(rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("unchanged"),
                rs.getInt("completed"), rs.getInt("cancelled"), rs.getInt("members_added"),
                rs.getInt("members_removed"), rs.getInt("rejected"));
        return new SyncRun(rs.getString("run_id"), rs.getString("tenant_id"), rs.getString("operation"),
                trigger == null ? null : SyncTrigger.valueOf(trigger), RunStatus.valueOf(rs.getString("status")),
                SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "heartbeat_at"),
                SqlValues.instant(rs, "finished_at"), counts, rs.getString("error_code"),
                rs.getString("error_message"), rs.getString("detail"));
    }
}
