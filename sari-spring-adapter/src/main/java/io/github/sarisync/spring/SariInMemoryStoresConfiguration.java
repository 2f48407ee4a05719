package io.github.sarisync.spring;

import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLock;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.internal.SariSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In-memory stores for whatever the host and the JDBC configuration left undefined: demos and
 * tests only, since nothing persists across a restart (a WARN says so for each store) and the
 * lock covers one process only.
 */
@Configuration(proxyBeanMethods = false)
class SariInMemoryStoresConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SariInMemoryStoresConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    TenantStore sariTenantStore(SariProperties properties) {
        warn("TenantStore (tenants and their credentials)");
        return new InMemoryTenantStore(SariSettings.hostPolicy(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    CourseStore sariCourseStore() {
        warn("CourseStore (courses and members)");
        return new InMemoryCourseStore();
    }

    @Bean
    @ConditionalOnMissingBean
    SyncLogStore sariSyncLogStore() {
        warn("SyncLogStore (run log)");
        return new InMemorySyncLogStore();
    }

    @Bean
    @ConditionalOnMissingBean
    SyncLock sariSyncLock() {
        return new InMemorySyncLock();
    }

    private static void warn(String store) {
        LOG.warn("sari-sync keeps the {} in memory: nothing persists across restarts. Add sari-jdbc and a DataSource"
                + " (or define a bean of that type) to persist it.", store);
    }
}
