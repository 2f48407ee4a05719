package io.github.sarisync.examples.cli;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sync}: one run of every enabled tenant (or one tenant, or one course type), then the summary table. */
@Command(name = "sync", sortOptions = false,
        description = {"Syncs the courses of every enabled, unpaused tenant once (or of one tenant, even when "
                + "paused), VKU then PGS, and prints a summary table.",
                "Exit code 1 when a tenant failed."})
final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant (runs even when paused).")
    String tenant;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this course type: VKU or PGS (default: both).")
    CourseType type;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        SariSyncCli root = SariSyncCli.root(spec);
        CliEnvironment env = root.environment();
        ProgressDisplay progress = new ProgressDisplay(env.err(), env.interactive());
        try (Session session = root.openSession(engineOptions.flags())) {
            SARISyncEngine engine = session.engine(progress);
            List<TenantSyncResult> results;
            Instant started = env.clock().instant();
            if (tenant == null && type == null) {
                SyncReport report = engine.syncAll();
                results = report.results();
            } else {
                results = syncSome(session, engine, progress);
            }
            progress.finish();
            SyncSummary.print(env.out(), results, Duration.between(started, env.clock().instant()));
            boolean failed = results.stream().anyMatch(r -> r.outcome() == SyncOutcome.FAILED);
            return failed ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** One tenant, or one type of every enabled unpaused tenant, one after the other. */
    private List<TenantSyncResult> syncSome(Session session, SARISyncEngine engine, ProgressDisplay progress) {
        List<String> ids = new ArrayList<>();
        if (tenant != null) {
            Tenant found = session.tenants().find(tenant).orElseThrow(() -> CliException.config(
                    "unknown tenant '" + tenant + "' (see 'sari-sync tenants list')"));
            if (!found.enabled()) {
                throw CliException.config("tenant '" + tenant + "' is disabled (enable it with 'sari-sync tenants "
                        + "enable " + tenant + "')");
            }
            ids.add(found.id());
        } else {
            session.tenants().findEnabled().stream().filter(t -> !t.paused()).forEach(t -> ids.add(t.id()));
        }
        progress.expect(ids.size());
        List<TenantSyncResult> results = new ArrayList<>();
        for (String id : ids) {
            results.add(type == null ? engine.syncTenant(id) : engine.syncTenant(id, type));
        }
        return results;
    }
}
