package io.github.sarisync.examples.cli;

/** The exit codes of {@code sari-sync}. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The job ran, but a tenant failed (or a connection test was refused). */
    public static final int FAILURE = 1;
    /** Bad usage or configuration: unknown command or flag, bad value, missing key, unreachable database. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
