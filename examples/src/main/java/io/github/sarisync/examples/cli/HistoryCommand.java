package io.github.sarisync.examples.cli;

import io.github.sarisync.spi.SyncCounts;
import io.github.sarisync.spi.SyncRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code history}: the run log, newest first. */
@Command(name = "history", sortOptions = false, description = "Shows the most recent runs (the run log), newest first.")
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's runs.")
    String tenant;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        SariSyncCli root = SariSyncCli.root(spec);
        CliEnvironment env = root.environment();
        if (limit < 1) {
            throw CliException.config("--limit must be 1 or more, was " + limit);
        }
        try (Session session = root.openSession()) {
            List<SyncRun> runs = session.runLog().recentRuns(tenant, limit);
            if (runs.isEmpty()) {
                env.out().println("No runs recorded" + (tenant == null ? " yet." : " for tenant " + tenant + "."));
                return ExitCodes.OK;
            }
            TextTable table = TextTable.of("started", "tenant", "operation", "trigger", "status", "took>",
                    "inserted>", "updated>", "unchanged>", "gone>", "members+>", "members->", "error");
            for (SyncRun run : runs) {
                SyncCounts c = run.counts();
                String took = run.finishedAt() == null ? "-"
                        : Durations.format(Duration.between(run.startedAt(), run.finishedAt()));
                String error = run.errorCode() == null ? "" : run.errorCode()
                        + (run.errorMessage() == null ? "" : ": " + run.errorMessage());
                table.row(Formats.time(run.startedAt()), run.tenantId(), run.operation(), run.trigger(), run.status(),
                        took, c.inserted(), c.updated(), c.unchanged(), c.completed() + c.cancelled(),
                        c.membersAdded(), c.membersRemoved(), error);
            }
            table.print(env.out());
            return ExitCodes.OK;
        }
    }
}
