package io.github.sarisync.examples.cli;

import io.github.sarisync.spi.TenantRunStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code stats}: runs per tenant and outcome in a window, with the success rate. */
@Command(name = "stats", sortOptions = false,
        description = "Shows runs per tenant by outcome in a recent window, with the success rate "
                + "(succeeded or partial among the runs that ran).")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "24h",
            description = "How far back, e.g. 1h, 24h, 7d (default: ${DEFAULT-VALUE}).")
    String window;

    @Override
    public Integer call() {
        SariSyncCli root = SariSyncCli.root(spec);
        CliEnvironment env = root.environment();
        Duration span;
        try {
            span = Durations.parse(window);
        } catch (IllegalArgumentException e) {
            throw CliException.config("--window " + Durations.FORMAT_HINT + ", was '" + window + "'");
        }
        try (Session session = root.openSession()) {
            List<TenantRunStats> stats = session.runLog().stats(env.clock().instant().minus(span));
            String label = "the last " + window.trim();
            if (stats.isEmpty()) {
                env.out().println("No runs in " + label + ".");
                return ExitCodes.OK;
            }
            TextTable table = TextTable.of("tenant", "runs>", "succeeded>", "partial>", "failed>", "skipped>",
                    "abandoned>", "success rate>");
            int ok = 0;
            int ran = 0;
            for (TenantRunStats s : stats) {
                table.row(s.tenantId(), s.total(), s.succeeded(), s.partial(), s.failed(), s.skipped(), s.abandoned(),
                        Formats.percent(s.successRate()));
                ok += s.succeeded() + s.partial();
                ran += s.succeeded() + s.partial() + s.failed() + s.abandoned();
            }
            table.print(env.out());
            env.out().println("Success rate over " + label + ": " + Formats.percent(ran == 0 ? 1.0 : (double) ok / ran)
                    + " of " + ran + (ran == 1 ? " run" : " runs") + " in " + stats.size()
                    + (stats.size() == 1 ? " tenant." : " tenants."));
            return ExitCodes.OK;
        }
    }
}
