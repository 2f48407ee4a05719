package io.github.sarisync.spring;

import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The enabled tenants as read at most once per time-to-live, shared by the health indicator and
 * the age gauge: a health probe or a metrics scrape every few seconds, on a host with thousands of
 * schools, would otherwise read the whole tenants table each time. A failed read is remembered for
 * the same time, so a database that is down is not hammered by probes either.
 *
 * <p>Thread-safe; one reader refreshes while concurrent callers wait for its result.
 */
public final class SariTenantSnapshot {
    private final TenantStore tenants;
    private final Duration ttl;
    private final Clock clock;
    private Instant readAt;
    private List<Tenant> enabled;
    private RuntimeException failure;

    /** @param ttl how long one read serves; zero reads on every call */
    public SariTenantSnapshot(TenantStore tenants, Duration ttl, Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be zero or positive, was " + ttl);
        }
    }

    /** A snapshot that reads the store on every call (no caching). */
    public static SariTenantSnapshot uncached(TenantStore tenants, Clock clock) {
        return new SariTenantSnapshot(tenants, Duration.ZERO, clock);
    }

    /**
     * The enabled tenants ({@link TenantStore#findEnabled()}) as of the last read within the TTL.
     *
     * @throws RuntimeException the store's own exception when the last read failed
     */
    public synchronized List<Tenant> enabledTenants() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(ttl))) {
            readAt = now;
            try {
                enabled = List.copyOf(tenants.findEnabled());
                failure = null;
            } catch (RuntimeException e) {
                enabled = null;
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return enabled;
    }
}
