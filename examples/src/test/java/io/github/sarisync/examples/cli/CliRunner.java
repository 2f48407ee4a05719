package io.github.sarisync.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the command line in-process, as a user would type it, with captured output, its own
 * environment variables and working directory, no terminal, and a {@code run} loop that does not
 * wait between rounds.
 */
final class CliRunner {
    private final Path workingDirectory;
    private final Map<String, String> env = new HashMap<>();
    final List<Thread> installedHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private CliEnvironment.Waiter waiter = (stop, duration) -> stop.getCount() == 0;

    CliRunner(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** How the {@code run} loop waits; by default it does not wait at all. */
    CliRunner waiter(CliEnvironment.Waiter value) {
        this.waiter = value;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment.ShutdownHooks hooks = new CliEnvironment.ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                installedHooks.add(hook);
            }

            @Override
            public void remove(Thread hook) {
                installedHooks.remove(hook);
            }
        };
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), env,
                workingDirectory, null, Clock.systemUTC(), waiter, hooks);
        int code = SariSyncCli.execute(environment, args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
