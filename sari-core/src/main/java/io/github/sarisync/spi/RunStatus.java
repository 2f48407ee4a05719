package io.github.sarisync.spi;

/** The state of one run-log entry. */
public enum RunStatus {
    STARTED, SUCCEEDED, PARTIAL, FAILED, SKIPPED,
    /** Left STARTED by an instance that crashed; found by its stale heartbeat. */
    ABANDONED;

    public boolean isFinal() {
        return this != STARTED;
    }
}
