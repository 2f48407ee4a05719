package io.github.sarisync.spring;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariEnvironment;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.model.CourseType;
import io.github.sarisync.spi.Tenant;
import io.github.sarisync.sync.SariClientFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sari.client.max-body-size}: the clients' answer size cap, by default the library's own. */
class SariClientBodyCapTest {
    private static final SariCredentials CREDENTIALS = new SariCredentials("client", "client-secret", "user", "pass");
    /** About 8 KB: an empty course list padded with an unknown field the client ignores. */
    private static final String LARGE_ANSWER = "{\"status\":\"OK\",\"padding\":\"" + "x".repeat(8 * 1024)
            + "\",\"result\":[]}";

    private final ScriptedSari sari = new ScriptedSari(call -> LARGE_ANSWER);
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SariAutoConfiguration.class))
            .withPropertyValues("sari.schedule.mode=off", "sari.client.base-uri=" + sari.baseUri(),
                    "sari.client.retry.max-retries=0", "sari.client.rate-limit.enabled=false");

    @AfterEach
    void stop() {
        sari.close();
    }

    @Test
    void aSmallCapMakesALargerAnswerFailAsMalformedResponse() {
        runner.withPropertyValues("sari.client.max-body-size=4KB").run(context -> {
            SARIClient client = client(context.getBean(SariClientFactory.class));

            assertThatThrownBy(() -> client.courses(CourseType.VKU)).isInstanceOfSatisfying(SariException.class,
                    e -> assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE));
        });
    }

    @Test
    void byDefaultTheCapIsTheClientsOwnDefault() {
        runner.run(context -> {
            assertThat(context.getBean(SariProperties.class).getClient().getMaxBodySize())
                    .isEqualTo(DataSize.ofBytes(SARIClient.DEFAULT_MAX_RESPONSE_BYTES));
            assertThat(client(context.getBean(SariClientFactory.class)).courses(CourseType.VKU)).isEmpty();
        });
    }

    @Test
    void aCapBelowOneByteFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("sari.client.max-body-size=0B").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("sari.client.max-body-size"));
    }

    @Test
    void theConfigurationMetadataDocumentsTheCapWithTheLibraryDefault() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            JsonNode property = null;
            for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
                if (p.get("name").asText().equals("sari.client.max-body-size")) {
                    property = p;
                }
            }
            assertThat(property).isNotNull();
            assertThat(property.get("description").asText()).contains("MALFORMED_RESPONSE");
            // the metadata cannot compute the default, so it is written there; this holds it to the library's
            assertThat(DataSize.parse(property.get("defaultValue").asText()))
                    .isEqualTo(DataSize.ofBytes(SARIClient.DEFAULT_MAX_RESPONSE_BYTES));
        }
    }

    private static SARIClient client(SariClientFactory factory) {
        return factory.create(Tenant.of("t1", "School", SariEnvironment.TEST), CREDENTIALS);
    }
}
