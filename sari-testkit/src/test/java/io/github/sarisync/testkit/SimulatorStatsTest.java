package io.github.sarisync.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.github.sarisync.testkit.RawSari.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Request counters, the per-minute maximum per school, and the enforced fair-use limit. */
class SimulatorStatsTest {
    private SariSimulator sari;

    @AfterEach
    void stop() {
        sari.close();
    }

    @Test
    void requestsAreCountedInTotalPerOperationAndPerSchool() {
        sari = SimFixtures.builder().start();
        SimulatedSchool school = SimFixtures.populate(sari);
        RawSari raw = new RawSari(sari);
        String token = raw.token(school.credentials());
        raw.api("/courses/VKU", token);
        raw.api("/courses/PGS", token);
        raw.api("/coursedetail/61", token);
        raw.api("/version/x", "unknown-token");

        SimulatorStats stats = sari.stats();
        assertThat(stats.total()).isEqualTo(5);
        assertThat(stats.requests(Operation.TOKEN)).isEqualTo(1);
        assertThat(stats.requests(Operation.COURSES)).isEqualTo(2);
        assertThat(stats.requests(Operation.COURSE_DETAIL)).isEqualTo(1);
        assertThat(stats.requests(Operation.VERSION)).isEqualTo(1);
        assertThat(stats.requests("muster")).isEqualTo(4);
        assertThat(stats.requests("other")).isZero();
        assertThat(stats.schoolsSeen()).isEqualTo(1);
    }

    @Test
    void maximumPerMinuteIsTakenOverAnySixtySecondsOfTheSimulatorClock() {
        sari = SimFixtures.builder().start();
        SimulatedSchool school = SimFixtures.populate(sari);
        RawSari raw = new RawSari(sari);
        String token = raw.token(school.credentials());
        for (int i = 0; i < 3; i++) {
            raw.api("/version/x", token);
            sari.clock().advance(Duration.ofSeconds(20));
        }
        raw.api("/version/x", token);
        sari.clock().advance(Duration.ofMinutes(5));
        raw.api("/version/x", token);

        assertThat(sari.stats().maxRequestsPerMinute("muster")).isEqualTo(4);
        assertThat(sari.stats().maxRequestsPerMinute()).isEqualTo(4);
        assertThat(sari.stats().maxRequestsPerMinute("other")).isZero();
    }

    @Test
    void requestsWithAnExpiredTokenStillCountForTheirSchool() {
        sari = SimFixtures.builder().start();
        SimulatedSchool school = SimFixtures.populate(sari);
        RawSari raw = new RawSari(sari);
        String token = raw.token(school.credentials());
        sari.clock().advance(Duration.ofHours(2));

        assertThat(raw.api("/version/x", token).statusCode()).isEqualTo(401);
        assertThat(sari.stats().requests("muster")).isEqualTo(2);
    }

    @Test
    void resetForgetsEverything() {
        sari = SimFixtures.builder().start();
        SimulatedSchool school = SimFixtures.populate(sari);
        new RawSari(sari).token(school.credentials());

        sari.resetCounters();
        assertThat(sari.stats().total()).isZero();
        assertThat(sari.stats().requests("muster")).isZero();
        assertThat(sari.stats().maxRequestsPerMinute()).isZero();
    }

    @Test
    void fairUseLimitAnswers429WithRetryAfterUntilTheMinuteHasPassed() {
        sari = SimFixtures.builder().enforceFairUse().start();
        SimulatedSchool school = SimFixtures.populate(sari);
        RawSari raw = new RawSari(sari);
        String token = raw.token(school.credentials());
        sari.clock().advance(Duration.ofSeconds(15));
        for (int i = 0; i < 9; i++) {
            assertThat(status(raw.api("/version/x", token))).isEqualTo("OK");
        }

        HttpResponse<String> refused = raw.api("/version/x", token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("45");
        String otherToken = raw.token(sari.school("other").credentials());
        assertThat(raw.api("/version/x", otherToken).statusCode()).isEqualTo(200);

        sari.clock().advance(Duration.ofSeconds(45));
        assertThat(raw.api("/version/x", token).statusCode()).isEqualTo(200);
    }
}
