package io.github.sarisync.spring.internal;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.StoredCourse;
import io.github.sarisync.spi.StoredMember;
import io.github.sarisync.sync.CourseChange;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hands every event to each of several listeners in order; one that throws is logged and the
 * others still get the event. Not API.
 */
public final class CompositeSyncListener implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeSyncListener.class);

    private final List<SyncListener> listeners;

    public CompositeSyncListener(List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public List<SyncListener> listeners() {
        return listeners;
    }

    private void each(String event, Consumer<SyncListener> call) {
        for (SyncListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("SyncListener {} failed on {}: {}", listener.getClass().getName(), event, e.toString());
            }
        }
    }

    @Override
    public void runStarted(int tenantCount) {
        each("runStarted", l -> l.runStarted(tenantCount));
    }

    @Override
    public void tenantStarted(String tenantId, String tenantName) {
        each("tenantStarted", l -> l.tenantStarted(tenantId, tenantName));
    }

    @Override
    public void typeFetched(String tenantId, CourseType type, int parts, int rejected) {
        each("typeFetched", l -> l.typeFetched(tenantId, type, parts, rejected));
    }

    @Override
    public void courseAdded(StoredCourse course) {
        each("courseAdded", l -> l.courseAdded(course));
    }

    @Override
    public void courseStatusChanged(StoredCourse course) {
        each("courseStatusChanged", l -> l.courseStatusChanged(course));
    }

    @Override
    public void courseReactivated(CourseChange change) {
        each("courseReactivated", l -> l.courseReactivated(change));
    }

    @Override
    public void courseChanged(CourseChange change) {
        each("courseChanged", l -> l.courseChanged(change));
    }

    @Override
    public void memberAdded(StoredMember member) {
        each("memberAdded", l -> l.memberAdded(member));
    }

    @Override
    public void memberConfirmed(StoredMember member) {
        each("memberConfirmed", l -> l.memberConfirmed(member));
    }

    @Override
    public void memberRemoved(StoredMember member) {
        each("memberRemoved", l -> l.memberRemoved(member));
    }

    @Override
    public void writeRefused(String tenantId, String write) {
        each("writeRefused", l -> l.writeRefused(tenantId, write));
    }

    @Override
    public void tenantFinished(TenantSyncResult result) {
        each("tenantFinished", l -> l.tenantFinished(result));
    }

    @Override
    public void runFinished(SyncReport report) {
        each("runFinished", l -> l.runFinished(report));
    }
}
