package io.github.sarisync.internal.sync;

import java.util.concurrent.atomic.AtomicBoolean;

/** The cancel flag of one engine call ({@code syncAll}, {@code syncDue} or {@code syncTenant}). */
public final class RunControl {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }
}
