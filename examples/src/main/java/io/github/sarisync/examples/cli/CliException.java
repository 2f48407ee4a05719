package io.github.sarisync.examples.cli;

/**
 * An error the command line reports as one line, with the exit code it ends with. Never holds a
 * secret in its message.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;

    private CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad usage or configuration (exit 2): a wrong flag value, a missing key, an unreachable database. */
    public static CliException config(String message) {
        return new CliException(message, ExitCodes.USAGE, null);
    }

    public static CliException config(String message, Throwable cause) {
        return new CliException(message, ExitCodes.USAGE, cause);
    }

    /** The job ran but failed (exit 1): a refused connection test, an unknown tenant. */
    public static CliException failure(String message) {
        return new CliException(message, ExitCodes.FAILURE, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
