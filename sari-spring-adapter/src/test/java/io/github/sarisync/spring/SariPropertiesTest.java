package io.github.sarisync.spring;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.enrollment.OutboxPolicy;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spring.internal.SariSettings;
import io.github.sarisync.sync.MemberPolicy;
import io.github.sarisync.sync.SyncOptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SariPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SariProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsAreTheLibraryDefaults() {
        SariProperties properties = new SariProperties();
        properties.afterPropertiesSet();

        SyncOptions options = SariSettings.syncOptions(properties);
        SyncOptions library = SyncOptions.defaults();
        assertThat(options.parallelism()).isEqualTo(library.parallelism());
        assertThat(options.memberPolicy()).isEqualTo(library.memberPolicy());
        assertThat(options.soonWindow()).isEqualTo(library.soonWindow());
        assertThat(options.emptyFeedThreshold()).isEqualTo(library.emptyFeedThreshold());
        assertThat(options.emptyFeedMinParts()).isEqualTo(library.emptyFeedMinParts());
        assertThat(options.defaultInterval()).isEqualTo(library.defaultInterval());
        assertThat(options.stagger()).isEqualTo(library.stagger());
        assertThat(options.leaseDuration()).isEqualTo(library.leaseDuration());
        assertThat(options.abandonAfter()).isEqualTo(library.abandonAfter());
        assertThat(options.runLogRetention()).isEqualTo(library.runLogRetention());
        assertThat(options.hostPolicy()).isEqualTo(library.hostPolicy()).isEqualTo(HostPolicy.strict());

        RetryPolicy retry = SariSettings.retryPolicy(properties);
        assertThat(retry.maxRetries()).isEqualTo(RetryPolicy.defaults().maxRetries());
        assertThat(retry.initialDelay()).isEqualTo(RetryPolicy.defaults().initialDelay());
        assertThat(retry.maxDelay()).isEqualTo(RetryPolicy.defaults().maxDelay());
        assertThat(retry.maxTotal()).isEqualTo(RetryPolicy.defaults().maxTotal());

        RateLimit limit = SariSettings.rateLimit(properties);
        assertThat(limit.permits()).isEqualTo(RateLimit.defaults().permits());
        assertThat(limit.period()).isEqualTo(RateLimit.defaults().period());

        assertThat(properties.getSchedule().getMode()).isEqualTo(SariProperties.ScheduleMode.CRON);
        assertThat(properties.getSchedule().getCron()).isEqualTo("0 0 * * * *");
        assertThat(properties.getSchedule().getZone()).isEqualTo(ZoneId.of("Europe/Zurich"));
        assertThat(properties.getJdbc().getInitializeSchema()).isEqualTo(SariProperties.SchemaInit.EMBEDDED);
        assertThat(properties.getJdbc().getTablePrefix()).isEqualTo("sari_");
        assertThat(properties.getHealth().getMaxConsecutiveFailures()).isEqualTo(3);
        assertThat(properties.getHealth().getMaxAge()).isEqualTo(Duration.ofHours(3));
        assertThat(properties.getMetrics().isTenantTag()).isFalse();
        assertThat(properties.getOutbox().getBatchSize()).isEqualTo(OutboxPolicy.defaults().batchSize());
    }

    @Test
    void theOutboxWorkerAndItsHealthAreOnWithDocumentedDefaults() {
        SariProperties.Outbox outbox = new SariProperties().getOutbox();

        assertThat(outbox.isEnabled()).isTrue();
        assertThat(outbox.getInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(outbox.getHealth().getMaxPendingAge()).isEqualTo(Duration.ofHours(1));
        assertThat(outbox.getHealth().getGaveUpWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(outbox.getHealth().getStatus()).isEqualTo("DOWN");
    }

    @Test
    void bindsEveryGroupFromRelaxedNames() {
        runner.withPropertyValues(
                "sari.client.environment=test",
                "sari.client.connect-timeout=3s",
                "sari.client.request-timeout=1m",
                "sari.client.retry.max-retries=5",
                "sari.client.retry.initial-delay=200ms",
                "sari.client.retry.max-delay=5s",
                "sari.client.retry.max-total=30s",
                "sari.client.rate-limit.requests-per-minute=20",
                "sari.schedule.mode=due",
                "sari.schedule.due-check-interval=30s",
                "sari.schedule.zone=UTC",
                "sari.sync.parallelism=8",
                "sari.sync.member-policy=all",
                "sari.sync.empty-feed-threshold=0.8",
                "sari.sync.run-log-retention=30d",
                "sari.sync.instance-id=node-1",
                "sari.jdbc.initialize-schema=never",
                "sari.jdbc.table-prefix=sync_",
                "sari.health.max-consecutive-failures=5",
                "sari.health.max-age=6h",
                "sari.metrics.tenant-tag=true",
                "sari.endpoint.recent-runs=5")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SariProperties p = context.getBean(SariProperties.class);
                    assertThat(p.getClient().getEnvironment()).isEqualTo(SariEnvironment.TEST);
                    assertThat(p.getClient().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(p.getClient().getRequestTimeout()).isEqualTo(Duration.ofMinutes(1));
                    RetryPolicy retry = SariSettings.retryPolicy(p);
                    assertThat(retry.maxRetries()).isEqualTo(5);
                    assertThat(retry.initialDelay()).isEqualTo(Duration.ofMillis(200));
                    assertThat(retry.maxDelay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(retry.maxTotal()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(SariSettings.rateLimit(p).permits()).isEqualTo(20);
                    assertThat(p.getSchedule().getMode()).isEqualTo(SariProperties.ScheduleMode.DUE);
                    assertThat(p.getSchedule().getDueCheckInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(p.getSchedule().getZone()).isEqualTo(ZoneId.of("UTC"));
                    SyncOptions options = SariSettings.syncOptions(p);
                    assertThat(options.parallelism()).isEqualTo(8);
                    assertThat(options.memberPolicy()).isEqualTo(MemberPolicy.ALL);
                    assertThat(options.emptyFeedThreshold()).isEqualTo(0.8);
                    assertThat(options.runLogRetention()).isEqualTo(Duration.ofDays(30));
                    assertThat(options.instanceId()).isEqualTo("node-1");
                    assertThat(p.getJdbc().getInitializeSchema()).isEqualTo(SariProperties.SchemaInit.NEVER);
                    assertThat(p.getJdbc().getTablePrefix()).isEqualTo("sync_");
                    assertThat(p.getHealth().getMaxConsecutiveFailures()).isEqualTo(5);
                    assertThat(p.getHealth().getMaxAge()).isEqualTo(Duration.ofHours(6));
                    assertThat(p.getMetrics().isTenantTag()).isTrue();
                    assertThat(p.getEndpoint().getRecentRuns()).isEqualTo(5);
                });
    }

    @Test
    void rateLimitCanBeSwitchedOff() {
        runner.withPropertyValues("sari.client.rate-limit.enabled=false").run(context ->
                assertThat(SariSettings.rateLimit(context.getBean(SariProperties.class)).isUnlimited()).isTrue());
    }

    @Test
    void aBadCronFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("sari.schedule.cron=0 0 * *").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sari.schedule.cron '0 0 * *' is not a valid cron expression");
        });
    }

    @Test
    void aCronIsNotCheckedWhenTheScheduleIsDueBased() {
        runner.withPropertyValues("sari.schedule.mode=due", "sari.schedule.cron=nonsense")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void environmentAndBaseUriTogetherFailTheStart() {
        runner.withPropertyValues("sari.client.environment=TEST", "sari.client.base-uri=http://localhost:8080")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("sari.client.environment and sari.client.base-uri are both set"));
    }

    @Test
    void aRetrySettingOutOfRangeFailsTheStartNamingIt() {
        runner.withPropertyValues("sari.client.retry.initial-delay=10s", "sari.client.retry.max-delay=1s")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("sari.client.retry")
                        .hasMessageContaining("maxDelay"));
    }

    @Test
    void aSyncSettingOutOfRangeFailsTheStartNamingIt() {
        runner.withPropertyValues("sari.sync.parallelism=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("sari.sync")
                        .hasMessageContaining("parallelism"));
    }

    @Test
    void aZeroFailureThresholdFailsTheStart() {
        runner.withPropertyValues("sari.health.max-consecutive-failures=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("sari.health.max-consecutive-failures must be >= 1"));
    }

    @Test
    void theGeneratedMetadataDocumentsEveryPropertyWithItsDefault() throws Exception {
        String metadata;
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata generated by spring-boot-configuration-processor").isNotNull();
            metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(metadata)
                .contains("\"name\": \"sari.schedule.cron\"", "\"defaultValue\": \"0 0 * * * *\"")
                .contains("\"name\": \"sari.schedule.zone\"", "\"defaultValue\": \"Europe\\/Zurich\"")
                .contains("\"name\": \"sari.jdbc.initialize-schema\"", "\"name\": \"sari.credentials.keys\"")
                .contains("\"name\": \"sari.client.rate-limit.requests-per-minute\"")
                .contains("\"name\": \"sari.health.max-age\"", "\"defaultValue\": \"3h\"")
                .contains("\"name\": \"sari.outbox.interval\"", "\"name\": \"sari.outbox.health.max-pending-age\"",
                        "\"name\": \"sari.outbox.health.status\"");
    }

    @Test
    void theCredentialsKeysNeverShowInToString() {
        SariProperties properties = new SariProperties();
        properties.getCredentials().setKeys("k1:c2VjcmV0LWtleS1tYXRlcmlhbA==");
        assertThat(properties.getCredentials().toString()).doesNotContain("c2VjcmV0").contains("(set)");
    }

    @Test
    void theClientFactoryTalksToTheConfiguredBaseUriInsteadOfTheTenantsAddress() {
        SariProperties properties = new SariProperties();
        properties.getClient().setBaseUri(URI.create("http://localhost:9999/sari"));
        var factory = SariSettings.clientFactory(properties, (op, status, http, duration) -> { });
        var client = factory.create(Tenant.of("t1", "School", SariEnvironment.TEST),
                new SariCredentials("id", "secret", "user", "password"));
        assertThat(client.baseUri()).isEqualTo(URI.create("http://localhost:9999/sari"));
    }

    @Test
    void theClientFactoryForcesTheConfiguredEnvironment() {
        SariProperties properties = new SariProperties();
        properties.getClient().setEnvironment(SariEnvironment.TEST);
        var factory = SariSettings.clientFactory(properties, (op, status, http, duration) -> { });
        var client = factory.create(Tenant.of("t1", "School", URI.create("https://proxy.example")),
                new SariCredentials("id", "secret", "user", "password"));
        assertThat(client.baseUri()).isEqualTo(SariEnvironment.TEST.baseUri());
    }

    @Test
    void theHostsPropertiesOpenTheHostPolicyOnlyAsFarAsTheySay() {
        runner.withPropertyValues("sari.hosts.allowed-base-uris=https://sari-proxy.example.ch:8443",
                "sari.hosts.allow-loopback=true").run(context -> {
                    HostPolicy policy = SariSettings.hostPolicy(context.getBean(SariProperties.class));
                    assertThat(policy.problem(URI.create("https://sari-proxy.example.ch:8443/sari"))).isEmpty();
                    assertThat(policy.problem(URI.create("http://127.0.0.1:8089"))).isEmpty();
                    assertThat(policy.problem(URI.create("https://sari.evil.example"))).isPresent();
                    assertThat(policy.problem(URI.create("https://10.0.0.5"))).isPresent();
                    assertThat(SariSettings.syncOptions(context.getBean(SariProperties.class)).hostPolicy())
                            .isEqualTo(policy);
                });
    }

    @Test
    void theClientBaseUriOverrideIsAllowedBecauseTheOperatorNamedIt() {
        runner.withPropertyValues("sari.client.base-uri=https://sari-proxy.example.ch").run(context -> {
            HostPolicy policy = SariSettings.hostPolicy(context.getBean(SariProperties.class));
            assertThat(policy.problem(URI.create("https://sari-proxy.example.ch"))).isEmpty();
            assertThat(policy.problem(URI.create("http://127.0.0.1:8089"))).isPresent();
        });
    }

    @Test
    void anAllowListEntryNoPolicyMayAllowFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("sari.hosts.allowed-base-uris=http://sari-proxy.example.ch")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sari.hosts").hasMessageContaining("plain http"));
    }
}
