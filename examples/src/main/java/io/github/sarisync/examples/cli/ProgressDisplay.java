package io.github.sarisync.examples.cli;

import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.TenantSyncResult;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Shows the progress of a sync on the error stream. On a terminal: one line, rewritten in place,
 * with tenants done/total, the tenants running and the failures so far. Otherwise (a log file, a
 * pipe, cron): one plain line per finished tenant. Events arrive on the engine's worker threads.
 */
final class ProgressDisplay implements SyncListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final Set<String> running = new LinkedHashSet<>();
    private int total;
    private int done;
    private int failures;
    private int lastWidth;

    ProgressDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** For a single-tenant sync, where the engine announces no run. */
    synchronized void expect(int tenants) {
        total = tenants;
        done = 0;
        failures = 0;
    }

    @Override
    public synchronized void runStarted(int tenantCount) {
        expect(tenantCount);
    }

    @Override
    public synchronized void tenantStarted(String tenantId, String tenantName) {
        running.add(tenantId);
        if (terminal) {
            redraw();
        }
    }

    @Override
    public synchronized void tenantFinished(TenantSyncResult result) {
        running.remove(result.tenantId());
        done++;
        if (result.outcome() == SyncOutcome.FAILED) {
            failures++;
        }
        if (terminal) {
            redraw();
        } else {
            err.println(plainLine(result));
            err.flush();
        }
    }

    /** Clears the progress line before the summary is printed. */
    synchronized void finish() {
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
        running.clear();
    }

    /** "[2/5] school-b: SUCCESS, 12 inserted, 0 updated, 30 unchanged" */
    String plainLine(TenantSyncResult r) {
        var c = r.total();
        String base = "[" + done + "/" + Math.max(total, done) + "] " + r.tenantId() + ": " + r.outcome();
        if (r.outcome() == SyncOutcome.FAILED || r.outcome() == SyncOutcome.SKIPPED) {
            return base + " - " + SyncSummary.problem(r);
        }
        return base + ", " + c.inserted() + " inserted, " + c.updated() + " updated, " + c.unchanged()
                + " unchanged, " + (c.completed() + c.cancelled()) + " gone";
    }

    /** "syncing 2/5 tenants done, running: school-c, failures: 0" */
    String progressLine() {
        String current = running.isEmpty() ? "-" : String.join(", ", running);
        if (current.length() > 40) {
            current = current.substring(0, 37) + "...";
        }
        return "syncing: " + done + "/" + Math.max(total, done) + " tenants done, now: " + current
                + ", failures: " + failures;
    }

    private void redraw() {
        String line = progressLine();
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastWidth = line.length();
    }
}
