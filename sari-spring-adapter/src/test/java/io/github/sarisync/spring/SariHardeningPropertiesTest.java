package io.github.sarisync.spring;

import io.github.sarisync.spring.actuate.SariActuatorAutoConfiguration;
import io.github.sarisync.spring.actuate.SariHealthIndicator;
import io.github.sarisync.spring.internal.TriggerPool;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings of the trigger pool, the endpoint's pages, the health snapshot and the body cap. */
class SariHardeningPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SariAutoConfiguration.class, SariActuatorAutoConfiguration.class))
            .withPropertyValues("sari.schedule.mode=off");

    @Test
    void theHardeningSettingsBindFromRelaxedNames() {
        runner.withPropertyValues("sari.trigger.threads=3", "sari.trigger.queue-capacity=0",
                "sari.endpoint.page-size=20", "sari.endpoint.max-page-size=100", "sari.health.cache-ttl=30s",
                "sari.client.max-body-size=2MB").run(context -> {
                    assertThat(context).hasNotFailed();
                    SariProperties p = context.getBean(SariProperties.class);
                    assertThat(p.getTrigger().getThreads()).isEqualTo(3);
                    assertThat(p.getTrigger().getQueueCapacity()).isZero();
                    assertThat(p.getEndpoint().getPageSize()).isEqualTo(20);
                    assertThat(p.getEndpoint().getMaxPageSize()).isEqualTo(100);
                    assertThat(p.getHealth().getCacheTtl()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(p.getClient().getMaxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
                });
    }

    @Test
    void theDefaultsAreSmallBoundsAndAShortTtl() {
        SariProperties p = new SariProperties();
        p.afterPropertiesSet();
        assertThat(p.getTrigger().getThreads()).isEqualTo(2);
        assertThat(p.getTrigger().getQueueCapacity()).isEqualTo(10);
        assertThat(p.getEndpoint().getPageSize()).isEqualTo(50);
        assertThat(p.getEndpoint().getMaxPageSize()).isEqualTo(500);
        assertThat(p.getHealth().getCacheTtl()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theContextHasOneTriggerPoolButNoExecutorBeanAndHealthReadsTheSharedSnapshot() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TriggerPool.class).hasSingleBean(SariTenantSnapshot.class)
                    .hasSingleBean(SariHealthIndicator.class);
            // an Executor bean would switch off the host's own task executor auto-configuration
            assertThat(context.getBeansOfType(Executor.class)).isEmpty();
        });
    }

    @Test
    void outOfRangeSettingsFailTheStartNamingTheProperty() {
        assertFailsNaming("sari.trigger.threads=0", "sari.trigger.threads");
        assertFailsNaming("sari.trigger.queue-capacity=-1", "sari.trigger.queue-capacity");
        assertFailsNaming("sari.endpoint.page-size=0", "sari.endpoint.page-size");
        assertFailsNaming("sari.endpoint.max-page-size=0", "sari.endpoint.max-page-size");
        assertFailsNaming("sari.health.cache-ttl=-1s", "sari.health.cache-ttl");
    }

    private void assertFailsNaming(String setting, String property) {
        runner.withPropertyValues(setting).run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining(property));
    }
}
