package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.START;
import static io.github.sarisync.client.SariStubs.ok;
import static org.assertj.core.api.Assertions.assertThat;

class SARIClientRateLimitTest {
    private static final String VERSION = API + "/version/ping";

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private TestClock clock;
    private RecordingSleeper sleeper;
    private final List<Instant> requestTimes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        clock = new TestClock(START);
        sleeper = new RecordingSleeper(clock);
        SariStubs.stubToken(wm);
        wm.stubFor(get(urlEqualTo(VERSION)).willReturn(ok("\"ping\"")));
    }

    private SARIClient client(RateLimit limit) {
        return SariStubs.client(wm, clock, sleeper).rateLimit(limit)
                .requestListener((operation, status, http, duration) -> requestTimes.add(clock.instant()))
                .build();
    }

    @Test
    void aCallerOverTheLimitWaitsForAPermitInsteadOfFailing() {
        SARIClient client = client(RateLimit.of(3, Duration.ofMinutes(1)));

        for (int i = 0; i < 5; i++) {
            assertThat(client.version("ping")).isEqualTo("ping");
        }

        // token + 5 calls = 6 requests: 3 at once, 3 a minute later
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(1));
        assertThat(requestTimes).containsExactly(START, START, START,
                START.plusSeconds(60), START.plusSeconds(60), START.plusSeconds(60));
        wm.verify(5, getRequestedFor(urlEqualTo(VERSION)));
    }

    @Test
    void theWindowSlidesSoAPermitFreesExactlyOnePeriodAfterItWasTaken() {
        SARIClient client = client(RateLimit.of(2, Duration.ofMinutes(1)));

        client.version("ping");                 // token at 0 s, call at 0 s
        clock.advance(Duration.ofSeconds(45));
        client.version("ping");                 // waits until 60 s
        clock.advance(Duration.ofSeconds(30));
        client.version("ping");                 // at 90 s: only the call at 60 s is in the window
        client.version("ping");                 // waits until 120 s, a minute after the call at 60 s

        assertThat(requestTimes).containsExactly(START, START, START.plusSeconds(60), START.plusSeconds(90),
                START.plusSeconds(120));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void theDefaultIsTenRequestsAMinute() {
        SARIClient client = client(RateLimit.defaults());

        for (int i = 0; i < 10; i++) {
            client.version("ping");
        }

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(1));
        assertThat(requestTimes.get(10)).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void anUnlimitedClientNeverWaits() {
        SARIClient client = client(RateLimit.unlimited());

        for (int i = 0; i < 30; i++) {
            client.version("ping");
        }

        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void eachClientHasItsOwnLimit() {
        SARIClient first = client(RateLimit.of(2, Duration.ofMinutes(1)));
        SARIClient second = client(RateLimit.of(2, Duration.ofMinutes(1)));

        first.version("ping");
        second.version("ping");

        assertThat(sleeper.sleeps()).isEmpty();
    }
}
