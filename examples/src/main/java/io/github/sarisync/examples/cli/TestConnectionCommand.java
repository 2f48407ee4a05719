package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.credentials.ConnectionTestResult;
import io.github.sarisync.credentials.CredentialsService;
import io.github.sarisync.spi.CredentialsException;
import io.github.sarisync.spi.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code test-connection}: asks SARI for a token and calls getVersion, with stored credentials
 * (of the tenants named, or of every tenant) or, with {@code --new}, with credentials from the
 * environment or the terminal that are not stored. Says which step failed; never shows a secret.
 */
@Command(name = "test-connection", sortOptions = false,
        description = {"Checks SARI credentials: a token, then getVersion. Stored credentials of the tenants "
                + "named (default: every tenant), or with --new credentials from SARI_CLIENT_ID, "
                + "SARI_CLIENT_SECRET, SARI_USERNAME, SARI_PASSWORD or the terminal, against --sari-env/--sari-url.",
                "Exit code 1 when a check failed."})
final class TestConnectionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TENANT", arity = "0..*", description = "Tenants to check (default: every tenant).")
    List<String> tenantIds = new ArrayList<>();

    @Option(names = "--new", description = "Check credentials that are not stored (nothing is saved).")
    boolean fresh;

    @Override
    public Integer call() {
        SariSyncCli root = SariSyncCli.root(spec);
        CliEnvironment env = root.environment();
        if (fresh && !tenantIds.isEmpty()) {
            throw CliException.config("--new checks credentials that are not stored: give no tenant with it");
        }
        try (Session session = root.openSession()) {
            CredentialsService service = session.credentialsService();
            if (fresh) {
                SariCredentials credentials = CredentialsInput.read(env, "the connection test");
                Tenant target = session.config().target().newTenant("connection-test", null);
                ConnectionTestResult result = service.test(target, credentials);
                env.out().println((result.ok() ? "OK: " : "FAILED: ") + result.message());
                return result.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            List<Tenant> tenants = new ArrayList<>();
            if (tenantIds.isEmpty()) {
                tenants.addAll(session.tenants().findAll());
            } else {
                tenantIds.forEach(id -> tenants.add(TenantsCommand.require(session, id)));
            }
            if (tenants.isEmpty()) {
                env.out().println("No tenants to check. Add one with 'sari-sync tenants add ID', or check "
                        + "credentials before storing them with 'sari-sync test-connection --new'.");
                return ExitCodes.OK;
            }
            boolean allOk = true;
            TextTable table = TextTable.of("tenant", "result", "step", "message");
            for (Tenant tenant : tenants) {
                ConnectionTestResult result;
                try {
                    result = service.testSaved(tenant.id());
                } catch (CredentialsException e) {
                    allOk = false;
                    table.row(tenant.id(), "CREDENTIALS", "-", e.getMessage());
                    continue;
                }
                allOk &= result.ok();
                table.row(tenant.id(), result.outcome(), result.failedStep() == null ? "-" : result.failedStep(),
                        result.message());
            }
            table.print(env.out());
            return allOk ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
