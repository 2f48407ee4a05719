package io.github.sarisync.enrollment;

import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes enrolment operations to the run log; a failing run log is logged, never fatal. */
final class RunLogWriter {
    private static final Logger LOG = LoggerFactory.getLogger(RunLogWriter.class);

    private final SyncLogStore store;

    RunLogWriter(SyncLogStore store) {
        this.store = store;
    }

    void started(SyncRun run) {
        try {
            store.started(run);
        } catch (RuntimeException e) {
            LOG.warn("run log: recording the start of {} {} for tenant {} failed", run.operation(), run.runId(),
                    run.tenantId(), e);
        }
    }

    void finished(SyncRun run) {
        try {
            store.finished(run);
        } catch (RuntimeException e) {
            LOG.warn("run log: recording the end of {} {} for tenant {} ({}) failed", run.operation(), run.runId(),
                    run.tenantId(), run.status(), e);
        }
    }
}
