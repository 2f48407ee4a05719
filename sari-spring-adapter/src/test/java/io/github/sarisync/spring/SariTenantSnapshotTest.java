package io.github.sarisync.spring;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.RunStatus;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantState;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.actuate.SariHealthIndicator;
import io.github.sarisync.spring.metrics.SariMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Health probes and gauge reads share one snapshot of the tenants, read at most once per TTL. */
class SariTenantSnapshotTest {
    private static final Instant START = Instant.parse("2026-03-01T06:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-id", "client-secret-123", "school-user", "very-secret-password");

    private final MovableClock clock = new MovableClock(START);

    @Test
    void aHundredProbesAndScrapesWithinTheTtlReadTheTenantStoreOnce() {
        InMemoryTenantStore tenants = spy(new InMemoryTenantStore());
        tenants.save(Tenant.of("t1", "School", SariEnvironment.TEST), CREDENTIALS);
        tenants.updateState("t1", new TenantState(START, START, RunStatus.SUCCEEDED, 0, null, null));
        SariTenantSnapshot snapshot = new SariTenantSnapshot(tenants, TTL, clock);
        SariHealthIndicator health = new SariHealthIndicator(snapshot, 3, Duration.ofHours(3), clock);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new SariMetrics(registry, tenants, snapshot, clock, false);
        Gauge age = registry.get(SariMetrics.LAST_SUCCESS_AGE).gauge();

        for (int i = 0; i < 100; i++) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(age.value()).isEqualTo(0.0);
        }
        verify(tenants, times(1)).findEnabled();

        clock.advance(TTL);
        assertThat(age.value()).isEqualTo(10.0);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        verify(tenants, times(2)).findEnabled();
    }

    @Test
    void aChangeOfTheTenantsShowsOnceTheTtlHasPassed() {
        InMemoryTenantStore tenants = new InMemoryTenantStore();
        SariTenantSnapshot snapshot = new SariTenantSnapshot(tenants, TTL, clock);
        SariHealthIndicator health = new SariHealthIndicator(snapshot, 3, Duration.ofHours(3), clock);
        assertThat(health.health().getDetails()).containsEntry("tenants", 0);

        tenants.save(Tenant.of("t1", "School", SariEnvironment.TEST), CREDENTIALS);
        clock.advance(TTL.minusSeconds(1));
        assertThat(health.health().getDetails()).containsEntry("tenants", 0);

        clock.advance(Duration.ofSeconds(1));
        assertThat(health.health().getDetails()).containsEntry("tenants", 1);
    }

    @Test
    void anUnreadableStoreIsAskedOncePerTtlAndEveryProbeWithinItIsDown() {
        TenantStore broken = mock(TenantStore.class);
        when(broken.findEnabled()).thenThrow(new IllegalStateException("connection refused, password=hunter2"));
        SariHealthIndicator health = new SariHealthIndicator(new SariTenantSnapshot(broken, TTL, clock), 3,
                Duration.ofHours(3), clock);

        for (int i = 0; i < 100; i++) {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }

        verify(broken, times(1)).findEnabled();
        assertThat(health.health().toString()).contains("IllegalStateException").doesNotContain("hunter2");
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
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
