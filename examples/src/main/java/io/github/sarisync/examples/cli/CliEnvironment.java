package io.github.sarisync.examples.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the command line reads from and writes to outside its arguments: the output streams, the
 * environment variables, the working directory, the terminal (if any), the clock, how the
 * {@code run} loop waits, and how a shutdown hook is installed. {@link #system()} is the real
 * process; tests build their own so that nothing touches the real process.
 *
 * @param out              results: tables, lists, the summary
 * @param err              errors and progress
 * @param env              environment variables ({@code SARI_*} are read)
 * @param workingDirectory where {@code ./sari-sync.properties} and the default {@code ./sari-data} live
 * @param console          the terminal, or null when input/output is redirected (then no prompt
 *                         and no updating progress line)
 * @param clock            the time used for windows ("runs of the last 24 h") and the run loop
 * @param waiter           how the {@code run} loop waits between rounds
 * @param shutdownHooks    how {@code run} installs its Ctrl-C handler
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDirectory,
                             Console console, Clock clock, Waiter waiter, ShutdownHooks shutdownHooks) {

    public CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(waiter, "waiter");
        Objects.requireNonNull(shutdownHooks, "shutdownHooks");
    }

    /** The real process: System.out/err, the real environment and working directory, the real terminal. */
    public static CliEnvironment system() {
        return new CliEnvironment(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                Path.of(""), System.console(), Clock.systemUTC(), Waiter.system(), ShutdownHooks.runtime());
    }

    /** True when attached to a terminal: prompts and an updating progress line are possible. */
    public boolean interactive() {
        return console != null;
    }

    /** How the {@code run} loop waits for its next round; returns early when stopped. */
    @FunctionalInterface
    public interface Waiter {
        /**
         * Waits up to {@code duration} or until {@code stop} is released.
         *
         * @return true when stopped
         */
        boolean await(CountDownLatch stop, Duration duration) throws InterruptedException;

        static Waiter system() {
            return (stop, duration) -> stop.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Installs and removes a JVM shutdown hook (Ctrl-C, SIGTERM). */
    public interface ShutdownHooks {
        void add(Thread hook);

        void remove(Thread hook);

        static ShutdownHooks runtime() {
            return new ShutdownHooks() {
                @Override
                public void add(Thread hook) {
                    Runtime.getRuntime().addShutdownHook(hook);
                }

                @Override
                public void remove(Thread hook) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is already shutting down: the hook is running or has run
                    }
                }
            };
        }
    }
}
