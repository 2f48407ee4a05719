package io.github.sarisync.spring;

import io.github.sarisync.enrollment.EnrollmentListener;
import io.github.sarisync.enrollment.EnrollmentService;
import io.github.sarisync.enrollment.OutboxListener;
import io.github.sarisync.enrollment.OutboxPolicy;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.EnrollmentOutbox;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spring.internal.CompositeEnrollmentListener;
import io.github.sarisync.spring.internal.CompositeOutboxListener;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SyncOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The enrolment side, when the application has an {@link EnrollmentOutbox} (the JDBC stores provide
 * one; the in-memory fallback does not, since a restart would lose queued registrations): the
 * {@link EnrollmentService} (clients from the engine; the {@link SyncLock} bean the engine uses, so each
 * school's outbox entries are drained under the school's sync lease, never while it is being synced on any
 * instance; every {@link OutboxListener} bean told of give-ups, every {@link EnrollmentListener} bean of failed
 * operations), the {@link SariOutboxWorker} that drains the outbox ({@code sari.outbox.enabled=false} turns it
 * off) and the cached {@link SariOutboxSnapshot} the health indicator reads. Each bean backs off when the host
 * defines one of the same type.
 */
@AutoConfiguration(after = SariAutoConfiguration.class)
@ConditionalOnProperty(prefix = "sari", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({EnrollmentOutbox.class, SARISyncEngine.class})
public class SariOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EnrollmentService sariEnrollmentService(SARISyncEngine engine, CourseStore courseStore,
                                                   SyncLogStore syncLogStore, EnrollmentOutbox outbox,
                                                   SariProperties properties, ObjectProvider<SyncLock> lock,
                                                   SyncOptions options,
                                                   ObjectProvider<OutboxListener> listeners,
                                                   ObjectProvider<EnrollmentListener> enrollmentListeners,
                                                   ObjectProvider<Clock> clock) {
        OutboxPolicy policy;
        try {
            policy = OutboxPolicy.builder().batchSize(properties.getOutbox().getBatchSize()).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sari.outbox: " + e.getMessage());
        }
        return EnrollmentService.builder()
                .clients(engine::clientFor)
                .courseStore(courseStore)
                .syncLogStore(syncLogStore)
                .outbox(outbox)
                .lock(lock.getIfUnique())
                .instanceId(options.instanceId())
                .outboxPolicy(policy)
                .clock(clock.getIfUnique(Clock::systemUTC))
                .outboxListener(new CompositeOutboxListener(listeners.orderedStream().toList()))
                .enrollmentListener(new CompositeEnrollmentListener(enrollmentListeners.orderedStream().toList()))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "sari.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    public SariOutboxWorker sariOutboxWorker(EnrollmentService service, SariProperties properties,
                                             ObjectProvider<Clock> clock) {
        return new SariOutboxWorker(service, properties.getOutbox().getInterval(), clock.getIfUnique(Clock::systemUTC));
    }

    /** The outbox counts as health sees them, read at most once per {@code sari.health.cache-ttl}. */
    @Bean
    @ConditionalOnMissingBean
    public SariOutboxSnapshot sariOutboxSnapshot(EnrollmentOutbox outbox, SariProperties properties,
                                                 ObjectProvider<Clock> clock) {
        return new SariOutboxSnapshot(outbox, properties.getOutbox().getHealth().getGaveUpWindow(),
                properties.getHealth().getCacheTtl(), clock.getIfUnique(Clock::systemUTC));
    }
}
