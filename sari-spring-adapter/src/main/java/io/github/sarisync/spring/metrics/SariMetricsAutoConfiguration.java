package io.github.sarisync.spring.metrics;

import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.SariAutoConfiguration;
import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.spring.SariTenantSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Micrometer meters of the sync (see {@link SariMetrics}), when Micrometer is on the classpath
 * and the application has a {@link MeterRegistry}.
 */
@AutoConfiguration(after = SariAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnProperty(prefix = "sari", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, TenantStore.class, SariTenantSnapshot.class})
public class SariMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public SariMetrics sariMetrics(MeterRegistry registry, TenantStore tenants, SariTenantSnapshot snapshot,
                                   SariProperties properties, ObjectProvider<Clock> clock) {
        return new SariMetrics(registry, tenants, snapshot, clock.getIfUnique(Clock::systemUTC),
                properties.getMetrics().isTenantTag());
    }
}
