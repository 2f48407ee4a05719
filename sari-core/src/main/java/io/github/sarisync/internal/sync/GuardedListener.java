package io.github.sarisync.internal.sync;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.sync.CourseChange;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import org.slf4j.Logger;

/**
 * Passes every event to the host's listener and swallows what it throws (logged at WARN), so a
 * faulty listener can never break or slow down a sync beyond its own call.
 */
public final class GuardedListener implements SyncListener {
    private static final Logger LOG = SyncLogging.logger("listener");
    private static final SyncListener NONE = new SyncListener() {
    };

    private final SyncListener delegate;

    public GuardedListener(SyncListener delegate) {
        this.delegate = delegate == null ? NONE : delegate;
    }

    /** True when a host listener was given (events worth building). */
    public boolean active() {
        return delegate != NONE;
    }

    @Override
    public void runStarted(int tenantCount) {
        guard("runStarted", () -> delegate.runStarted(tenantCount));
    }

    @Override
    public void tenantStarted(String tenantId, String tenantName) {
        guard("tenantStarted", () -> delegate.tenantStarted(tenantId, tenantName));
    }

    @Override
    public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
        guard("typeFetched", () -> delegate.typeFetched(tenantId, type, parts, rejected));
    }

    @Override
    public void courseAdded(StoredCourse course) {
        guard("courseAdded", () -> delegate.courseAdded(course));
    }

    @Override
    public void courseStatusChanged(StoredCourse course) {
        guard("courseStatusChanged", () -> delegate.courseStatusChanged(course));
    }

    @Override
    public void courseReactivated(CourseChange change) {
        guard("courseReactivated", () -> delegate.courseReactivated(change));
    }

    @Override
    public void courseChanged(CourseChange change) {
        guard("courseChanged", () -> delegate.courseChanged(change));
    }

    @Override
    public void memberAdded(StoredMember member) {
        guard("memberAdded", () -> delegate.memberAdded(member));
    }

    @Override
    public void memberConfirmed(StoredMember member) {
        guard("memberConfirmed", () -> delegate.memberConfirmed(member));
    }

    @Override
    public void memberRemoved(StoredMember member) {
        guard("memberRemoved", () -> delegate.memberRemoved(member));
    }

    @Override
    public void writeRefused(String tenantId, String write) {
        guard("writeRefused", () -> delegate.writeRefused(tenantId, write));
    }

    @Override
    public void tenantFinished(TenantSyncResult result) {
        guard("tenantFinished", () -> delegate.tenantFinished(result));
    }

    @Override
    public void runFinished(SyncReport report) {
        guard("runFinished", () -> delegate.runFinished(report));
    }

    private static void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("SyncListener.{} threw {}; ignored", event, e.toString());
        }
    }
}
