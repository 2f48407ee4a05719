package io.github.sarisync.spring;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.credentials.AesGcmCredentialsCipher;
import io.github.sarisync.jdbc.JdbcCourseStore;
import io.github.sarisync.jdbc.JdbcSyncLock;
import io.github.sarisync.jdbc.JdbcSyncLogStore;
import io.github.sarisync.jdbc.JdbcTenantStore;
import io.github.sarisync.jdbc.SariJdbc;
import io.github.sarisync.memory.InMemoryCourseStore;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spi.CredentialsCipher;
import io.github.sarisync.spi.SyncLock;
import io.github.sarisync.spi.SyncLogStore;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.spring.actuate.SariActuatorAutoConfiguration;
import io.github.sarisync.spring.actuate.SariEndpoint;
import io.github.sarisync.spring.actuate.SariHealthIndicator;
import io.github.sarisync.spring.event.SariEventPublisher;
import io.github.sarisync.spring.internal.SariScheduler;
import io.github.sarisync.spring.metrics.SariMetrics;
import io.github.sarisync.spring.metrics.SariMetricsAutoConfiguration;
import io.github.sarisync.sync.SARISyncEngine;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronTrigger;

import javax.sql.DataSource;
import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SariAutoConfigurationTest {
    private static final String KEY = AesGcmCredentialsCipher.generateKey();
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "user", "pass-word");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SariAutoConfiguration.class,
                    SariActuatorAutoConfiguration.class, SariMetricsAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class H2DataSource {
        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:sari-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return ds;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostTenantStore {
        static final InMemoryTenantStore STORE = new InMemoryTenantStore();

        @Bean
        TenantStore hostTenants() {
            return STORE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostOptionsAndFactory {
        static final SyncOptions OPTIONS = SyncOptions.builder().parallelism(2).build();
        static final SariClientFactory FACTORY = SariClientFactory.defaults();

        @Bean
        SyncOptions hostOptions() {
            return OPTIONS;
        }

        @Bean
        SariClientFactory hostFactory() {
            return FACTORY;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MeterRegistryConfiguration {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void withoutADataSourceEverythingRunsInMemory() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(TenantStore.class).isInstanceOf(InMemoryTenantStore.class);
            assertThat(context).getBean(CourseStore.class).isInstanceOf(InMemoryCourseStore.class);
            assertThat(context).getBean(SyncLogStore.class).isInstanceOf(InMemorySyncLogStore.class);
            assertThat(context).hasSingleBean(SyncLock.class);
            assertThat(context).hasSingleBean(SARISyncEngine.class);
            assertThat(context).hasSingleBean(SariSyncJob.class);
            assertThat(context).hasSingleBean(SariEventPublisher.class);
            assertThat(context).hasSingleBean(SyncOptions.class);
            assertThat(context).hasSingleBean(SariClientFactory.class);
            assertThat(context).doesNotHaveBean(CredentialsCipher.class);
        });
    }

    @Test
    void withADataSourceAndAKeyTheStoresAreJdbcAndTheSchemaIsCreatedOnH2() {
        runner.withUserConfiguration(H2DataSource.class)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(TenantStore.class).isInstanceOf(JdbcTenantStore.class);
                    assertThat(context).getBean(CourseStore.class).isInstanceOf(JdbcCourseStore.class);
                    assertThat(context).getBean(SyncLogStore.class).isInstanceOf(JdbcSyncLogStore.class);
                    assertThat(context).getBean(SyncLock.class).isInstanceOf(JdbcSyncLock.class);
                    TenantStore tenants = context.getBean(TenantStore.class);
                    tenants.save(Tenant.of("t1", "School One", SariEnvironment.TEST), CREDENTIALS);
                    assertThat(tenants.credentials("t1")).isEqualTo(CREDENTIALS);
                });
    }

    @Test
    void theAutoConfiguredTenantStoresRefuseASimulatorAddressUntilTheHostAllowsLoopback() {
        Tenant simulated = Tenant.of("t1", "School One", URI.create("http://127.0.0.1:8089"));
        runner.withUserConfiguration(H2DataSource.class).withPropertyValues("sari.credentials.keys=k1:" + KEY)
                .run(context -> assertThatThrownBy(() -> context.getBean(TenantStore.class).save(simulated, CREDENTIALS))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t1")
                        .hasMessageContaining("allowLoopback"));
        runner.run(context -> assertThatThrownBy(() -> context.getBean(TenantStore.class).save(simulated, CREDENTIALS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t1"));
        runner.withUserConfiguration(H2DataSource.class)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.hosts.allow-loopback=true")
                .run(context -> {
                    context.getBean(TenantStore.class).save(simulated, CREDENTIALS);
                    assertThat(context.getBean(TenantStore.class).credentials("t1")).isEqualTo(CREDENTIALS);
                    assertThat(context.getBean(SyncOptions.class).hostPolicy().allowsLoopback()).isTrue();
                });
    }

    @Test
    void theTablePrefixIsPassedToTheJdbcStores() {
        runner.withUserConfiguration(H2DataSource.class)
                .withPropertyValues("sari.credentials.keys=k1:" + KEY, "sari.jdbc.table-prefix=acme_sari_")
                .run(context -> assertThat(context.getBean(SariJdbc.class).tablePrefix()).isEqualTo("acme_sari_"));
    }

    @Test
    void withADataSourceButNoKeyTheStartFailsSayingWhatToSet() {
        runner.withUserConfiguration(H2DataSource.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sari.credentials.keys is not set");
        });
    }

    @Test
    void aKeyOfTheWrongLengthFailsTheStartWithoutShowingTheKey() {
        String shortKey = "c2hvcnQta2V5";
        runner.withPropertyValues("sari.credentials.keys=k1:" + shortKey).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("sari.credentials.keys")
                    .hasMessageContaining("'k1' must be 32 bytes")
                    .hasMessageNotContaining(shortKey);
        });
    }

    @Test
    void theCurrentKeyIdPicksTheKeyThatEncrypts() {
        String older = AesGcmCredentialsCipher.generateKey();
        runner.withPropertyValues("sari.credentials.keys=k2:" + KEY + ",k1:" + older,
                        "sari.credentials.current-key-id=k1")
                .run(context -> {
                    AesGcmCredentialsCipher cipher = context.getBean(AesGcmCredentialsCipher.class);
                    assertThat(cipher.currentKeyId()).isEqualTo("k1");
                    assertThat(cipher.keyIds()).containsExactlyInAnyOrder("k1", "k2");
                });
    }

    @Test
    void withSariJdbcMissingFromTheClasspathADataSourceIsIgnored() {
        runner.withUserConfiguration(H2DataSource.class)
                .withClassLoader(new FilteredClassLoader(SariJdbc.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(TenantStore.class).isInstanceOf(InMemoryTenantStore.class);
                    assertThat(context).doesNotHaveBean(SariJdbc.class);
                });
    }

    @Test
    void aHostTenantStoreReplacesOnlyTheTenantStoreAndNeedsNoKey() {
        runner.withUserConfiguration(H2DataSource.class, HostTenantStore.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(TenantStore.class).isSameAs(HostTenantStore.STORE);
            assertThat(context).getBean(CourseStore.class).isInstanceOf(JdbcCourseStore.class);
        });
    }

    @Test
    void hostOptionsAndClientFactoryAreUsedInsteadOfTheAdaptersOwn() {
        runner.withUserConfiguration(HostOptionsAndFactory.class).run(context -> {
            assertThat(context).getBean(SyncOptions.class).isSameAs(HostOptionsAndFactory.OPTIONS);
            assertThat(context).getBean(SariClientFactory.class).isSameAs(HostOptionsAndFactory.FACTORY);
        });
    }

    @Test
    void disabledAdapterDefinesNoBeanAtAll() {
        runner.withUserConfiguration(MeterRegistryConfiguration.class)
                .withPropertyValues("sari.enabled=false", "management.endpoints.web.exposure.include=sari")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(SariProperties.class);
                    assertThat(context).doesNotHaveBean(SARISyncEngine.class);
                    assertThat(context).doesNotHaveBean(TenantStore.class);
                    assertThat(context).doesNotHaveBean(SariScheduler.class);
                    assertThat(context).doesNotHaveBean(SariHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(SariEndpoint.class);
                    assertThat(context).doesNotHaveBean(SariMetrics.class);
                });
    }

    @Test
    void theScheduleIsAnHourlyCronInZurichByDefault() {
        runner.run(context -> {
            SariScheduler scheduler = context.getBean(SariScheduler.class);
            assertThat(scheduler.isScheduled()).isTrue();
            assertThat(scheduler.trigger()).isInstanceOf(CronTrigger.class);
            assertThat(((CronTrigger) scheduler.trigger()).getExpression()).isEqualTo("0 0 * * * *");
            assertThat(scheduler.describe()).isEqualTo("cron \"0 0 * * * *\" Europe/Zurich");
        });
    }

    @Test
    void theScheduleCanBeSwitchedOff() {
        runner.withPropertyValues("sari.schedule.mode=off").run(context -> {
            assertThat(context.getBean(SariScheduler.class).isScheduled()).isFalse();
            assertThat(context.getBean(SariSyncJob.class).mode()).isEqualTo(SariProperties.ScheduleMode.OFF);
        });
    }

    @Test
    void theDueModeChecksForDueTenantsAtTheConfiguredInterval() {
        runner.withPropertyValues("sari.schedule.mode=due", "sari.schedule.due-check-interval=2m").run(context -> {
            SariScheduler scheduler = context.getBean(SariScheduler.class);
            assertThat(scheduler.isScheduled()).isTrue();
            assertThat(scheduler.describe()).isEqualTo("due, checked every PT2M");
            assertThat(context.getBean(SariSyncJob.class).mode()).isEqualTo(SariProperties.ScheduleMode.DUE);
        });
    }

    @Test
    void withActuatorTheHealthIndicatorIsThereAndTheEndpointOnceExposed() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(SariHealthIndicator.class);
            assertThat(context).doesNotHaveBean(SariEndpoint.class);
        });
        runner.withPropertyValues("management.endpoints.web.exposure.include=health,sari")
                .run(context -> assertThat(context).hasSingleBean(SariEndpoint.class));
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOffLikeAnyOther() {
        runner.withPropertyValues("management.health.sari.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SariHealthIndicator.class));
    }

    @Test
    void withoutActuatorOnTheClasspathThereIsNoHealthIndicatorNorEndpoint() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
                .withPropertyValues("management.endpoints.web.exposure.include=sari")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(SARISyncEngine.class);
                    assertThat(context).doesNotHaveBean(SariHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(SariEndpoint.class);
                });
    }

    @Test
    void withAMeterRegistryTheSyncIsMetered() {
        runner.withUserConfiguration(MeterRegistryConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(SariMetrics.class);
            assertThat(context.getBean(MeterRegistry.class).find(SariMetrics.LAST_SUCCESS_AGE).gauge()).isNotNull();
        });
    }

    @Test
    void withoutMicrometerOnTheClasspathThereAreNoMetrics() {
        runner.withUserConfiguration(MeterRegistryConfiguration.class)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(SariMetrics.class);
                });
    }

    @Test
    void withMicrometerButNoRegistryThereAreNoMetrics() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SariMetrics.class));
    }
}
