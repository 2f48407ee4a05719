package io.github.sarisync.spring.actuate;

import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.SariAutoConfiguration;
import io.github.sarisync.spring.SariOutboxAutoConfiguration;
import io.github.sarisync.spring.SariOutboxSnapshot;
import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.spring.SariSyncJob;
import io.github.sarisync.spring.SariTenantSnapshot;
import io.github.sarisync.spring.internal.SariScheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The Actuator parts, each only when its classes are on the classpath: the health indicator
 * {@code sari} (off with {@code management.health.sari.enabled=false}), the health indicator
 * {@code sariOutbox} when there is an enrolment outbox (off with {@code management.health.sari-outbox.enabled=false}) and the endpoint
 * {@code sari} (available once exposed, e.g. {@code management.endpoints.web.exposure.include=health,sari}).
 */
@AutoConfiguration(after = {SariAutoConfiguration.class, SariOutboxAutoConfiguration.class})
@ConditionalOnProperty(prefix = "sari", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SariActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    static class HealthConfiguration {
        @Bean
        @ConditionalOnBean(SariTenantSnapshot.class)
        @ConditionalOnEnabledHealthIndicator("sari")
        @ConditionalOnMissingBean(name = "sariHealthIndicator")
        SariHealthIndicator sariHealthIndicator(SariTenantSnapshot tenants, SariProperties properties,
                                                ObjectProvider<Clock> clock) {
            return new SariHealthIndicator(tenants, properties.getHealth().getMaxConsecutiveFailures(),
                    properties.getHealth().getMaxAge(), clock.getIfUnique(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnBean(SariOutboxSnapshot.class)
        @ConditionalOnEnabledHealthIndicator("sari-outbox")
        @ConditionalOnMissingBean(name = "sariOutboxHealthIndicator")
        SariOutboxHealthIndicator sariOutboxHealthIndicator(SariOutboxSnapshot outbox, SariProperties properties,
                                                            ObjectProvider<Clock> clock) {
            SariProperties.OutboxHealth health = properties.getOutbox().getHealth();
            return new SariOutboxHealthIndicator(outbox, health.getMaxPendingAge(),
                    new Status(health.getStatus().trim()), clock.getIfUnique(Clock::systemUTC));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
    static class EndpointConfiguration {
        @Bean
        @ConditionalOnBean({SariSyncJob.class, TenantStore.class, SyncLogStore.class})
        @ConditionalOnAvailableEndpoint(SariEndpoint.class)
        @ConditionalOnMissingBean
        SariEndpoint sariEndpoint(TenantStore tenants, SyncLogStore runs, SariSyncJob job,
                                  ObjectProvider<SariScheduler> scheduler, SariProperties properties) {
            SariScheduler s = scheduler.getIfAvailable();
            SariProperties.Endpoint settings = properties.getEndpoint();
            return new SariEndpoint(tenants, runs, job, s == null ? "host-managed" : s.describe(),
                    settings.getRecentRuns(), settings.getPageSize(), settings.getMaxPageSize());
        }
    }
}
