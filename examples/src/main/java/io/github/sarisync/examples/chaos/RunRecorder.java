package io.github.sarisync.examples.chaos;

import io.github.sarisync.spi.Lease;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.TenantSyncResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches several engines at once. Each engine's lock is {@link #lock wrapped}: from the moment a
 * lease is granted until its holder starts to release it, the recorder notes who holds it, so a
 * lease granted to one instance while another still holds it is an {@link #overlaps() overlap}
 * (the noted span lies inside the real one, so an overlap seen is a real one). Each engine's
 * {@link #listener listener} records every tenant run with its instance, outcome and times.
 */
public final class RunRecorder {
    /** One tenant run as an engine reported it. */
    public record Run(String instance, TenantSyncResult result) {
    }

    private final Map<String, String> holders = new ConcurrentHashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private final Findings overlaps = new Findings();

    /** {@code lock}, recording who holds which lease. */
    public SyncLock lock(SyncLock lock) {
        return new SyncLock() {
            @Override
            public Optional<Lease> tryAcquire(String name, String owner, Duration duration) {
                Optional<Lease> taken = lock.tryAcquire(name, owner, duration);
                if (taken.isPresent()) {
                    String other = holders.put(name, owner);
                    if (other != null && !other.equals(owner)) {
                        overlaps.add(name + ": granted to " + owner + " while " + other + " held it");
                    }
                }
                return taken;
            }

            @Override
            public boolean extend(Lease lease, Duration duration) {
                return lock.extend(lease, duration);
            }

            @Override
            public void release(Lease lease) {
                holders.remove(lease.name(), lease.owner());
                lock.release(lease);
            }
        };
    }

    /** A listener recording the runs of the engine named {@code instance}. */
    public SyncListener listener(String instance) {
        return new SyncListener() {
            @Override
            public void tenantFinished(TenantSyncResult result) {
                synchronized (runs) {
                    runs.add(new Run(instance, result));
                }
            }
        };
    }

    public Findings overlaps() {
        return overlaps;
    }

    /** The runs recorded so far, in the order they finished. */
    public List<Run> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }
}
