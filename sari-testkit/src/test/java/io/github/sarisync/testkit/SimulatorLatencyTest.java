package io.github.sarisync.testkit;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Latency is served by a scheduler, not a sleeping thread per request. */
class SimulatorLatencyTest {

    @Test
    void twoHundredConcurrentDelayedRequestsAllSucceedWithFourServerThreads() {
        try (SariSimulator sari = SimFixtures.builder().latency(Duration.ofMillis(100)).threads(4).start()) {
            SimulatedSchool school = SimFixtures.populate(sari);
            RawSari raw = new RawSari(sari);
            String token = raw.token(school.credentials());

            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                inFlight.add(RawSari.http().sendAsync(raw.request("/api/courseregistration/version/r" + i, token)
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()));
            }

            List<String> echoes = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> future : inFlight) {
                HttpResponse<String> answer = future.join();
                assertThat(answer.statusCode()).isEqualTo(200);
                echoes.add(RawSari.result(answer).asText());
            }
            assertThat(echoes).hasSize(200).doesNotHaveDuplicates();
            assertThat(sari.stats().requests(Operation.VERSION)).isEqualTo(200);
        }
    }

    @Test
    void loadingTheSimulatorTurnsOnTcpNoDelay() {
        assertThat(SariSimulator.builder()).isNotNull();

        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
}
