package io.github.sarisync.examples.boot;

import io.github.sarisync.spi.CourseQuery;
import io.github.sarisync.spi.CourseStore;
import io.github.sarisync.spring.SariSyncJob;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncOutcome;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Boots the real demo application (web server, H2, SARI simulator, Actuator) and syncs once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sari.schedule.run-on-startup=false", "sari.schedule.mode=off",
                "spring.datasource.url=jdbc:h2:mem:sari-boot-demo-test;DB_CLOSE_DELAY=-1"})
class SariBootDemoApplicationTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    SariSyncJob job;

    @Autowired
    CourseStore courses;

    @Autowired
    DemoSyncEvents events;

    @Autowired
    DemoSariConfiguration.DemoTenants demoTenants;

    @Autowired
    FinishedRuns finishedRuns;

    /** Every tenant run the engine finishes, so a test can wait for a run it triggered over HTTP. */
    static final class FinishedRuns implements SyncListener {
        final BlockingQueue<TenantSyncResult> results = new LinkedBlockingQueue<>();

        @Override
        public void tenantFinished(TenantSyncResult result) {
            results.add(result);
        }

        TenantSyncResult await(String runId) throws InterruptedException {
            TenantSyncResult result;
            do {
                result = results.poll(60, TimeUnit.SECONDS);
            } while (result != null && !runId.equals(result.runId()));
            return result;
        }
    }

    @TestConfiguration
    static class WatchRuns {
        @Bean
        FinishedRuns finishedRuns() {
            return new FinishedRuns();
        }
    }

    @Test
    void aSyncOfTheDemoSchoolsCompletesAndShowsInTheActuatorEndpoint() throws Exception {
        SyncReport report = job.runNow().orElseThrow();

        assertThat(report.success()).isTrue();
        assertThat(report.results()).extracting(TenantSyncResult::tenantId)
                .containsExactlyInAnyOrderElementsOf(demoTenants.ids());
        assertThat(report.results()).extracting(TenantSyncResult::outcome).containsOnly(SyncOutcome.SUCCESS);
        assertThat(courses.findCourses(CourseQuery.tenant("demo-school-1"))).hasSize(2 * 4 + 2);
        assertThat(events.coursesAdded()).isEqualTo(2 * (2 * 4 + 2));

        HttpResponse<String> sari = get("/actuator/sari");
        assertThat(sari.statusCode()).isEqualTo(200);
        assertThat(sari.body()).contains("\"id\":\"demo-school-1\"", "\"lastOutcome\":\"SUCCEEDED\"")
                .doesNotContain("password-demo-school-1", "secret-demo-school-1");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"sari\":{\"details\":{\"tenants\":2,\"lastSuccessAt\":\"20")
                .doesNotContain("\"status\":\"DOWN\"");
    }

    @Test
    void triggeringAnUnknownSchoolThroughTheEndpointIsRefused() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/actuator/sari/nobody"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"started\":false", "no tenant nobody");
    }

    @Test
    void theEndpointPagesTheSchoolsOverHttp() throws Exception {
        HttpResponse<String> first = get("/actuator/sari?limit=1");
        HttpResponse<String> second = get("/actuator/sari?limit=1&after=demo-school-0&runs=1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"id\":\"demo-school-0\"", "\"nextAfter\":\"demo-school-0\"")
                .doesNotContain("\"id\":\"demo-school-1\"");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"id\":\"demo-school-1\"").doesNotContain("\"id\":\"demo-school-0\"");
        assertThat(get("/actuator/sari?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void aManualTriggerOverHttpAnswers202WithTheRunIdOfTheRunItStarts() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/actuator/sari/demo-school-0"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"status\":\"ACCEPTED\"", "\"started\":true");
        Matcher runId = Pattern.compile("\"runId\":\"([^\"]+)\"").matcher(answer.body());
        assertThat(runId.find()).isTrue();
        TenantSyncResult result = finishedRuns.await(runId.group(1));
        assertThat(result).isNotNull();
        assertThat(result.tenantId()).isEqualTo("demo-school-0");
        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
