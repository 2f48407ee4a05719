package io.github.sarisync.spring;

import io.github.sarisync.client.SariRequestListener;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.event.SariEventPublisher;
import io.github.sarisync.spring.internal.CompositeRequestListener;
import io.github.sarisync.spring.internal.CompositeSyncListener;
import io.github.sarisync.spring.internal.SariScheduler;
import io.github.sarisync.spring.internal.SariSettings;
import io.github.sarisync.spring.internal.TriggerPool;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * Auto-configures sari-sync in a Spring Boot application: options, client factory, credentials
 * cipher, stores (JDBC on the application's DataSource when sari-jdbc is present, in memory
 * otherwise), the engine, the job and its schedule, and the event publisher. Every bean backs off
 * when the host defines one of the same type; {@code sari.enabled=false} turns it all off.
 *
 * <p>A {@link Clock} bean of the host, when there is exactly one, is used wherever time is read.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnProperty(prefix = "sari", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SariProperties.class)
@Import({SariJdbcStoresConfiguration.class, SariInMemoryStoresConfiguration.class})
public class SariAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public SyncOptions sariSyncOptions(SariProperties properties) {
        return SariSettings.syncOptions(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public SariClientFactory sariClientFactory(SariProperties properties,
                                               ObjectProvider<SariRequestListener> requestListeners) {
        return SariSettings.clientFactory(properties,
                new CompositeRequestListener(requestListeners.orderedStream().toList()));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "sari.credentials", name = "keys")
    public CredentialsCipher sariCredentialsCipher(SariProperties properties) {
        SariProperties.Credentials credentials = properties.getCredentials();
        AesGcmCredentialsCipher.Builder builder = AesGcmCredentialsCipher.builder().keys(credentials.getKeys());
        if (credentials.getCurrentKeyId() != null && !credentials.getCurrentKeyId().isBlank()) {
            builder.currentKeyId(credentials.getCurrentKeyId());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sari.credentials.keys: " + e.getMessage());
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public SariEventPublisher sariEventPublisher(ApplicationEventPublisher publisher) {
        return new SariEventPublisher(publisher);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SARISyncEngine sariSyncEngine(TenantStore tenantStore, CourseStore courseStore, SyncLogStore syncLogStore,
                                         ObjectProvider<SyncLock> lock, SariClientFactory clientFactory,
                                         SyncOptions options, ObjectProvider<SyncListener> listeners,
                                         ObjectProvider<Clock> clock) {
        SARISyncEngine.Builder builder = SARISyncEngine.builder()
                .tenantStore(tenantStore)
                .courseStore(courseStore)
                .syncLogStore(syncLogStore)
                .clientFactory(clientFactory)
                .clock(clock.getIfUnique(Clock::systemUTC))
                .listener(new CompositeSyncListener(listeners.orderedStream().toList()))
                .options(options);
        SyncLock syncLock = lock.getIfUnique();
        if (syncLock != null) {
            builder.lock(syncLock);
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TriggerPool sariTriggerPool(SariProperties properties) {
        return new TriggerPool(properties.getTrigger().getThreads(), properties.getTrigger().getQueueCapacity());
    }

    @Bean
    @ConditionalOnMissingBean
    public SariSyncJob sariSyncJob(SARISyncEngine engine, SariProperties properties, TriggerPool triggerPool) {
        return new SariSyncJob(engine, properties.getSchedule().getMode(), triggerPool.executor());
    }

    /** The tenants as health and gauges see them, read at most once per {@code sari.health.cache-ttl}. */
    @Bean
    @ConditionalOnMissingBean
    public SariTenantSnapshot sariTenantSnapshot(TenantStore tenantStore, SariProperties properties,
                                                 ObjectProvider<Clock> clock) {
        return new SariTenantSnapshot(tenantStore, properties.getHealth().getCacheTtl(),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    public SariScheduler sariScheduler(SariSyncJob job, SariProperties properties, ObjectProvider<Clock> clock) {
        return new SariScheduler(job, properties.getSchedule(), clock.getIfUnique(Clock::systemUTC));
    }
}
