package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.credentials.CredentialsRotation;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tenants}: the driving schools to sync. Without a subcommand: the list. */
@Command(name = "tenants", sortOptions = false,
        description = "Lists and manages the driving schools (tenants) to sync. Without a subcommand: the list.",
        subcommands = {
                TenantsCommand.ListTenants.class,
                TenantsCommand.Add.class,
                TenantsCommand.Enable.class,
                TenantsCommand.Disable.class,
                TenantsCommand.Pause.class,
                TenantsCommand.Resume.class,
                TenantsCommand.Remove.class,
                TenantsCommand.Reencrypt.class,
        })
final class TenantsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return list(SariSyncCli.root(spec));
    }

    static int list(SariSyncCli root) {
        CliEnvironment env = root.environment();
        try (Session session = root.openSession()) {
            List<Tenant> tenants = session.tenants().findAll();
            if (tenants.isEmpty()) {
                env.out().println("No tenants. Add one with 'sari-sync tenants add ID', or run 'sari-sync sync' "
                        + "with the simulator to register the demo schools.");
                return ExitCodes.OK;
            }
            TextTable table = TextTable.of("tenant", "name", "enabled", "paused", "sari", "interval", "last success",
                    "last outcome", "failures>", "last error");
            for (Tenant t : tenants) {
                var s = t.state();
                table.row(t.id(), t.name(), t.enabled() ? "yes" : "no", t.paused() ? "yes" : "no",
                        SariTarget.describe(t), t.interval() == null ? "default" : Durations.format(t.interval()),
                        Formats.time(s.lastSuccessAt()), s.lastOutcome() == null ? "-" : s.lastOutcome(),
                        s.consecutiveFailures(), s.lastErrorCode() == null ? "" : s.lastErrorCode() + ": "
                                + s.lastErrorMessage());
            }
            table.print(env.out());
            return ExitCodes.OK;
        }
    }

    /** Finds a tenant or fails with exit 2 naming it. */
    static Tenant require(Session session, String id) {
        return session.tenants().find(id).orElseThrow(() -> CliException.config(
                "unknown tenant '" + id + "' (see 'sari-sync tenants list')"));
    }

    @Command(name = "list", description = "Lists every tenant with its state.")
    static final class ListTenants implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return list(SariSyncCli.root(spec));
        }
    }

    @Command(name = "add", sortOptions = false,
            description = {"Adds a tenant, or replaces the name and credentials of an existing one. Its SARI is "
                    + "the one chosen by --sari-env / --sari-url.",
                    "Credentials from SARI_CLIENT_ID, SARI_CLIENT_SECRET, SARI_USERNAME, SARI_PASSWORD, or asked "
                            + "for on the terminal (secret and password not shown). Stored encrypted."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The tenant id (your own, e.g. the school's number).")
        String id;

        @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the id).")
        String name;

        @Option(names = "--interval", paramLabel = "DURATION",
                description = "Its own sync interval, e.g. 30m (default: the engine's).")
        String interval;

        @Override
        public Integer call() {
            SariSyncCli root = SariSyncCli.root(spec);
            CliEnvironment env = root.environment();
            if (id.isBlank()) {
                throw CliException.config("the tenant id must not be blank");
            }
            Duration ownInterval = parseInterval();
            try (Session session = root.openSession()) {
                session.requireKey();
                TenantStore tenants = session.tenants();
                Tenant existing = tenants.find(id).orElse(null);
                boolean exists = existing != null;
                SariCredentials credentials = CredentialsInput.read(env, "tenant " + id);
                String shownName = name != null ? name : exists ? existing.name() : null;
                Tenant tenant = session.config().target().newTenant(id, shownName).withInterval(ownInterval);
                if (exists) {
                    tenant = tenant.withEnabled(existing.enabled()).withPaused(existing.paused());
                }
                tenants.save(tenant, credentials);
                env.out().println("Tenant " + id + (exists ? " updated" : " added") + " (" + SariTarget.describe(tenant)
                        + "); credentials stored encrypted. Check them with 'sari-sync test-connection " + id + "'.");
                return ExitCodes.OK;
            }
        }

        private Duration parseInterval() {
            if (interval == null) {
                return null;
            }
            try {
                return Durations.parse(interval);
            } catch (IllegalArgumentException e) {
                throw CliException.config("--interval " + Durations.FORMAT_HINT + ", was '" + interval + "'");
            }
        }
    }

    /** enable, disable, pause, resume: one flag of one tenant. */
    abstract static class FlagCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The tenant id.")
        String id;

        abstract Tenant change(Tenant tenant);

        abstract String done();

        @Override
        public Integer call() {
            SariSyncCli root = SariSyncCli.root(spec);
            try (Session session = root.openSession()) {
                Tenant changed = change(require(session, id));
                session.tenants().setFlags(id, changed.enabled(), changed.paused());
                root.environment().out().println("Tenant " + id + " " + done() + ".");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "enable", description = "Lets schedules and manual syncs sync the tenant again.")
    static final class Enable extends FlagCommand {
        Tenant change(Tenant t) {
            return t.withEnabled(true);
        }

        String done() {
            return "enabled";
        }
    }

    @Command(name = "disable", description = "Stops every sync of the tenant (its data stays).")
    static final class Disable extends FlagCommand {
        Tenant change(Tenant t) {
            return t.withEnabled(false);
        }

        String done() {
            return "disabled";
        }
    }

    @Command(name = "pause", description = "Skips the tenant in 'sync' and 'run' until resumed ('sync --tenant' still runs).")
    static final class Pause extends FlagCommand {
        Tenant change(Tenant t) {
            return t.withPaused(true);
        }

        String done() {
            return "paused";
        }
    }

    @Command(name = "resume", description = "Lets 'sync' and 'run' sync a paused tenant again.")
    static final class Resume extends FlagCommand {
        Tenant change(Tenant t) {
            return t.withPaused(false);
        }

        String done() {
            return "resumed";
        }
    }

    @Command(name = "remove", description = "Removes a tenant and its stored credentials (its courses and run log stay).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The tenant id.")
        String id;

        @Override
        public Integer call() {
            SariSyncCli root = SariSyncCli.root(spec);
            try (Session session = root.openSession()) {
                require(session, id);
                session.tenants().delete(id);
                root.environment().out().println("Tenant " + id + " removed.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "reencrypt",
            description = {"Re-encrypts every tenant's stored credentials under the current key: the last step of a "
                    + "key rotation (new key first in SARI_CREDENTIALS_KEY, the old ones after it; drop them once "
                    + "this reports no failure).",
                    "Also the one-time migration of credentials stored before they were bound to their tenant and "
                            + "SARI (format v1), which syncs refuse: each is bound to the tenant and SARI of the row "
                            + "it is on, so check first that nobody else changed tenants' addresses.",
                    "Exit 1 when a tenant's credentials could not be decrypted (they are left as they are)."})
    static final class Reencrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SariSyncCli root = SariSyncCli.root(spec);
            CliEnvironment env = root.environment();
            try (Session session = root.openSession()) {
                CredentialsRotation.Result r = session.rotateCredentials();
                env.out().println("Credentials of " + r.examined() + " tenant(s): " + r.reencrypted()
                        + " re-encrypted under the current key (" + r.migrated() + " of them bound to their tenant"
                        + " and SARI), " + r.current() + " already current, " + r.changedMeanwhile()
                        + " changed meanwhile, " + r.failed().size() + " failed.");
                for (String tenant : r.failedTenants()) {
                    env.out().println("  " + tenant + ": " + r.failed().get(tenant));
                }
                return r.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
        }
    }
}
