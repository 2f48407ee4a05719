package io.github.sarisync.spring.actuate;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SariHealthIndicatorTest {
    private static final Instant START = Instant.parse("2026-03-01T06:00:00Z");
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-id", "client-secret-123", "school-user", "very-secret-password");

    private final InMemoryTenantStore tenants = new InMemoryTenantStore();
    private final MutableClock clock = new MutableClock(START);
    private final SariHealthIndicator indicator = new SariHealthIndicator(tenants, 3, Duration.ofHours(3), clock);

    @Test
    void withoutTenantsTheSyncIsHealthy() {
        clock.advance(Duration.ofDays(2));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void tenantsThatSucceededRecentlyAreHealthy() {
        tenant("t1", new TenantState(START, START, RunStatus.SUCCEEDED, 0, null, null));
        clock.advance(Duration.ofHours(2));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("tenants", 1).containsEntry("lastSuccessAt", START.toString());
    }

    @Test
    void aTenantFailingThreeTimesInARowMakesItDownListingItWithoutSecrets() {
        tenant("t1", new TenantState(START, START, RunStatus.SUCCEEDED, 0, null, null));
        tenant("t2", new TenantState(START, null, RunStatus.FAILED, 3, "AUTHENTICATION_FAILED",
                "token: the user or password was refused"));
        tenant("t3", new TenantState(START, START, RunStatus.FAILED, 2, "SERVER_ERROR", "getCourses: HTTP 503"));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("failingTenants")).isEqualTo(List.of(Map.of(
                "id", "t2", "name", "School t2", "consecutiveFailures", 3, "lastErrorCode", "AUTHENTICATION_FAILED")));
        assertThat(health.toString()).doesNotContain(CREDENTIALS.clientSecret(), CREDENTIALS.password(),
                "refused");
    }

    @Test
    void noSuccessWithinTheMaximumAgeMakesItDown() {
        tenant("t1", new TenantState(START, START, RunStatus.SUCCEEDED, 0, null, null));
        clock.advance(Duration.ofHours(3).plusMinutes(1));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "no run succeeded within PT3H");
    }

    @Test
    void beforeTheFirstSuccessTheAgeCountsFromStartUp() {
        tenant("t1", TenantState.NEW);
        clock.advance(Duration.ofHours(1));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("lastSuccessAt", "never");

        clock.advance(Duration.ofHours(3));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void anUnreadableTenantStoreMakesItDownNamingOnlyTheErrorType() {
        TenantStore broken = (TenantStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TenantStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("connection to jdbc:postgresql://db?password=hunter2 refused");
                });
        Health health = new SariHealthIndicator(broken, 3, Duration.ofHours(3), clock).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.toString()).contains("IllegalStateException").doesNotContain("hunter2");
    }

    private void tenant(String id, TenantState state) {
        tenants.save(Tenant.of(id, "School " + id, SariEnvironment.TEST), CREDENTIALS);
        tenants.updateState(id, state);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
