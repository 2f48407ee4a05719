package io.github.sarisync.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code sari-sync} command line: syncs SARI VKU/PGS courses of driving schools into a
 * database. Without any configuration it runs against the built-in simulator with demo schools
 * and an H2 file under {@code ./sari-data}.
 *
 * <pre>{@code
 * sari-sync sync                       # one run of every enabled tenant, summary table
 * sari-sync run --every 1m             # keep syncing due tenants until Ctrl-C
 * sari-sync tenants add school-7 --name "Fahrschule Muster" --sari-env TEST
 * }</pre>
 *
 * Exit codes: 0 success, 1 a tenant failed, 2 bad usage or configuration ({@link ExitCodes}).
 * The global options below are accepted before or after the command name.
 */
@Command(name = "sari-sync", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = SariSyncCli.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Keeps the SARI VKU/PGS courses of driving schools in a database up to date.",
        footer = {"", "Every option can also be set as an environment variable (--jdbc-url: SARI_JDBC_URL) "
                + "or in the properties file (sari.jdbc-url). Secrets only from the environment or the file: "
                + "SARI_JDBC_PASSWORD, SARI_CREDENTIALS_KEY.",
                "Exit codes: 0 success, 1 a tenant failed, 2 bad usage or configuration."},
        subcommands = {
                SyncCommand.class,
                RunCommand.class,
                TenantsCommand.class,
                TestConnectionCommand.class,
                CoursesCommand.class,
                HistoryCommand.class,
                StatsCommand.class,
                GenerateKeyCommand.class,
                BenchCommand.class,
                ChaosCommand.class,
        })
public final class SariSyncCli implements Callable<Integer> {

    private static final String SARI_LOGGER = "io.github.sarisync";

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 1,
            description = "Properties file (default: ./sari-sync.properties when present; env SARI_CONFIG).")
    String config;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT, order = 2,
            description = "Folder of the H2 database and the demo key (default: sari-data in the working directory).")
    String dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 3,
            description = "Database: jdbc:h2:... or jdbc:postgresql://host/db (default: H2 file <data-dir>/sari). "
                    + "User and password from SARI_JDBC_USER / SARI_JDBC_PASSWORD.")
    String jdbcUrl;

    @Option(names = "--sari-env", paramLabel = "ENV", scope = ScopeType.INHERIT, order = 4,
            description = "SIMULATOR (default: the built-in simulator with demo schools), TEST or PRODUCTION.")
    String sariEnv;

    @Option(names = "--sari-url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 5,
            description = "Another SARI address (a proxy, a simulator elsewhere); wins over --sari-env.")
    String sariUrl;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, order = 6,
            description = "Show stack traces of errors and log more.")
    boolean verbose;

    /** The real process. */
    public SariSyncCli() {
        this(CliEnvironment.system());
    }

    public SariSyncCli(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Runs the command line and exits with its exit code (only when it is not 0, so exec:java keeps running). */
    public static void main(String[] args) {
        int code = execute(CliEnvironment.system(), args);
        if (code != ExitCodes.OK) {
            System.exit(code);
        }
    }

    /** Runs one command line in the given environment and returns its exit code; never exits the JVM. */
    public static int execute(CliEnvironment environment, String... args) {
        CommandLine commandLine = commandLine(environment);
        int code = commandLine.execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    /** The picocli command tree with this project's error handling and output streams. */
    static CommandLine commandLine(CliEnvironment environment) {
        SariSyncCli root = new SariSyncCli(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(SariSyncCli::onBadUsage);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> root.onError(e));
        commandLine.setExecutionStrategy(parseResult -> {
            root.applyVerbosity();
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /** Without a command: the usage, and exit 2. */
    @Override
    public Integer call() {
        environment.err().println("sari-sync: a command is required");
        spec.commandLine().usage(environment.err());
        return ExitCodes.USAGE;
    }

    /** With --verbose the library logs at INFO; otherwise as logback.xml says (WARN). */
    private void applyVerbosity() {
        if (LoggerFactory.getLogger(SARI_LOGGER) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(verbose ? ch.qos.logback.classic.Level.INFO : null);
        }
    }

    /**
     * The library logs only errors from now on: for {@code chaos}, whose injected faults would
     * otherwise print thousands of expected warnings.
     */
    void quietLibrary() {
        if (LoggerFactory.getLogger(SARI_LOGGER) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    CliEnvironment environment() {
        return environment;
    }

    boolean verbose() {
        return verbose;
    }

    /** The configuration of this run: these flags and a command's own, the environment, the properties file. */
    CliConfig config(Map<Setting, String> commandFlags) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        putIfSet(flags, Setting.DATA_DIR, dataDir);
        putIfSet(flags, Setting.JDBC_URL, jdbcUrl);
        putIfSet(flags, Setting.SARI_ENV, sariEnv);
        putIfSet(flags, Setting.SARI_URL, sariUrl);
        flags.putAll(commandFlags);
        return CliConfig.resolve(flags, config, environment.env(), environment.workingDirectory());
    }

    /** Opens the database and the rest, with a command's own flag values (e.g. {@code --parallelism}). */
    Session openSession(Map<Setting, String> commandFlags) {
        return Session.open(config(commandFlags), environment);
    }

    Session openSession() {
        return openSession(Map.of());
    }

    static void putIfSet(Map<Setting, String> flags, Setting setting, Object value) {
        if (value != null) {
            flags.put(setting, value.toString());
        }
    }

    private static int onBadUsage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("sari-sync: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cl.getErr());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }

    private int onError(Exception e) {
        int code;
        String message;
        if (e instanceof CliException cli) {
            code = cli.exitCode();
            message = cli.getMessage();
        } else if (e instanceof IllegalArgumentException || e instanceof io.github.sarisync.spi.CredentialsException) {
            code = ExitCodes.USAGE;
            message = e.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        environment.err().println("sari-sync: " + message);
        if (verbose) {
            e.printStackTrace(environment.err());
        } else if (code == ExitCodes.FAILURE && !(e instanceof CliException)) {
            environment.err().println("(run with --verbose for the stack trace)");
        }
        environment.err().flush();
        return code;
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SariSyncCli.class.getPackage().getImplementationVersion();
            return new String[]{"sari-sync " + (version == null ? "0.1.0-SNAPSHOT" : version)};
        }
    }

    /** The root of a parsed command tree (subcommands reach the environment and global options through it). */
    static SariSyncCli root(CommandSpec spec) {
        return (SariSyncCli) spec.root().userObject();
    }
}
