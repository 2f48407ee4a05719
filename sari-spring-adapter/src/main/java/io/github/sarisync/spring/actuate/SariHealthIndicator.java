package io.github.sarisync.spring.actuate;

import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.SariTenantSnapshot;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The health of the sync, read from the tenants' stored state through a {@link SariTenantSnapshot}
 * (so frequent probes read the tenant store at most once per {@code sari.health.cache-ttl}).
 * <ul>
 *   <li>DOWN when some enabled tenant failed {@code maxConsecutiveFailures} runs in a row;</li>
 *   <li>DOWN when enabled tenants exist and none succeeded within {@code maxAge} (before the
 *       first success ever, the age counts from the indicator's creation, i.e. start-up);</li>
 *   <li>DOWN when the tenant store cannot be read;</li>
 *   <li>UP otherwise (also with no tenant at all).</li>
 * </ul>
 * Details list the failing tenants (id, name, consecutive failures, last error code), never a
 * secret or an error message.
 */
public class SariHealthIndicator implements HealthIndicator {
    private final SariTenantSnapshot tenants;
    private final int maxConsecutiveFailures;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant createdAt;

    /** Reads the tenant store on every health check. */
    public SariHealthIndicator(TenantStore tenants, int maxConsecutiveFailures, Duration maxAge, Clock clock) {
        this(SariTenantSnapshot.uncached(tenants, clock), maxConsecutiveFailures, maxAge, clock);
    }

    /** Reads the tenants through {@code tenants}, a snapshot that may be shared with other readers. */
    public SariHealthIndicator(SariTenantSnapshot tenants, int maxConsecutiveFailures, Duration maxAge, Clock clock) {
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be >= 1, was " + maxConsecutiveFailures);
        }
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.createdAt = clock.instant();
    }

    @Override
    public Health health() {
        List<Tenant> enabled;
        try {
            enabled = tenants.enabledTenants();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "tenant store unreadable: " + e.getClass().getName()).build();
        }
        Instant now = clock.instant();
        List<Map<String, Object>> failing = new ArrayList<>();
        Instant lastSuccess = null;
        for (Tenant tenant : enabled) {
            TenantState state = tenant.state();
            if (state.lastSuccessAt() != null && (lastSuccess == null || state.lastSuccessAt().isAfter(lastSuccess))) {
                lastSuccess = state.lastSuccessAt();
            }
            if (state.consecutiveFailures() >= maxConsecutiveFailures) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", tenant.id());
                entry.put("name", tenant.name());
                entry.put("consecutiveFailures", state.consecutiveFailures());
                entry.put("lastErrorCode", state.lastErrorCode());
                failing.add(entry);
            }
        }
        Instant reference = lastSuccess != null ? lastSuccess : createdAt;
        boolean stale = !enabled.isEmpty() && Duration.between(reference, now).compareTo(maxAge) > 0;

        Health.Builder health = failing.isEmpty() && !stale ? Health.up() : Health.down();
        health.withDetail("tenants", enabled.size());
        health.withDetail("lastSuccessAt", lastSuccess == null ? "never" : lastSuccess.toString());
        if (stale) {
            health.withDetail("reason", "no run succeeded within " + maxAge);
        }
        if (!failing.isEmpty()) {
            health.withDetail("failingTenants", failing);
        }
        return health.build();
    }
}
