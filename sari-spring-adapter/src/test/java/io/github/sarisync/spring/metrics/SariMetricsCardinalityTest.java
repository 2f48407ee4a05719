package io.github.sarisync.spring.metrics;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.memory.InMemoryTenantStore;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.spring.ScriptedSari;
import io.github.sarisync.spring.internal.SariSettings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whatever status text SARI answers with, the meters' tags come from a fixed set. */
class SariMetricsCardinalityTest {
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-id", "client-secret-123", "school-user", "very-secret-password");
    private static final int CALLS = 1_000;

    @Test
    void aThousandDifferentHostileStatusesLeaveABoundedNumberOfMetersTaggedUnknown() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SariMetrics metrics = new SariMetrics(registry, new InMemoryTenantStore(), Clock.systemUTC(), false);
        try (ScriptedSari sari = new ScriptedSari(
                call -> "{\"result\":[],\"status\":\"EVIL_" + call + "_\\u00e9\\u0000 " + "x".repeat(call % 50) + "\"}")) {
            SariProperties properties = new SariProperties();
            properties.getClient().setBaseUri(sari.baseUri());
            properties.getClient().getRetry().setMaxRetries(0);
            properties.getClient().getRateLimit().setEnabled(false);
            SARIClient client = SariSettings.clientFactory(properties, metrics)
                    .create(Tenant.of("t1", "School", SariEnvironment.TEST), CREDENTIALS);

            for (int i = 0; i < CALLS; i++) {
                assertThatThrownBy(() -> client.version("ping")).isInstanceOfSatisfying(SariException.class,
                        e -> assertThat(e.code()).isEqualTo(SariErrorCode.UNKNOWN));
            }
        }

        assertThat(registry.get(SariMetrics.REQUESTS).tags("operation", "getVersion", "status", "UNKNOWN")
                .counter().count()).isEqualTo(CALLS);
        assertThat(registry.getMeters()).hasSizeLessThanOrEqualTo(3);
        Set<String> tagValues = registry.getMeters().stream().map(Meter::getId)
                .flatMap(id -> id.getTags().stream()).map(Tag::getValue).collect(Collectors.toSet());
        assertThat(tagValues).containsOnly("getVersion", "token", "OK", "UNKNOWN");
    }

    @Test
    void everyTagValueComesFromAFixedSet() {
        assertThat(SariMetrics.statusTag("OK")).isEqualTo("OK");
        assertThat(SariMetrics.statusTag("COURSE_NOT_FOUND")).isEqualTo("COURSE_NOT_FOUND");
        assertThat(SariMetrics.statusTag("IO_ERROR")).isEqualTo("IO_ERROR");
        assertThat(SariMetrics.statusTag("ok")).isEqualTo("UNKNOWN");
        assertThat(SariMetrics.statusTag(null)).isEqualTo("UNKNOWN");
        assertThat(SariMetrics.operationTag("getCourses")).isEqualTo("getCourses");
        assertThat(SariMetrics.operationTag("/api/courseregistration/coursedetail/61")).isEqualTo("other");
    }
}
