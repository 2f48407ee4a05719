package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.START;
import static io.github.sarisync.client.SariStubs.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The request listener hears every attempt; a throwing one is harmless; interrupts are honoured. */
class SARIClientListenerTest {
    private static final String VERSION = API + "/version/ping";

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private SARIClient.Builder builder;

    record Heard(String operation, String status, int httpStatus) {
    }

    @BeforeEach
    void setUp() {
        TestClock clock = new TestClock(START);
        builder = SariStubs.client(wm, clock, new RecordingSleeper(clock));
        SariStubs.stubToken(wm);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theListenerHearsEveryAttemptIncludingTheTokenRequest() {
        List<Heard> heard = new CopyOnWriteArrayList<>();
        SARIClient client = builder.requestListener((op, status, http, duration) -> {
            assertThat(duration.isNegative()).isFalse();
            heard.add(new Heard(op, status, http));
        }).build();
        SariStubs.sequence(wm, () -> get(urlEqualTo(VERSION)), aResponse().withStatus(503),
                SariStubs.status(200, "INTERNAL_SERVER_ERROR"), ok("\"ping\""));

        client.version("ping");

        assertThat(heard).containsExactly(new Heard("token", "OK", 200),
                new Heard("getVersion", "SERVER_ERROR", 503),
                new Heard("getVersion", "INTERNAL_SERVER_ERROR", 200),
                new Heard("getVersion", "OK", 200));
    }

    @Test
    void aThrowingListenerDoesNotBreakTheCall() {
        SARIClient client = builder.requestListener((op, status, http, duration) -> {
            throw new IllegalStateException("listener bug");
        }).build();
        wm.stubFor(get(urlEqualTo(VERSION)).willReturn(ok("\"ping\"")));

        assertThat(client.version("ping")).isEqualTo("ping");
    }

    @Test
    void anInterruptedCallerGetsInterruptedWithItsFlagRestored() {
        SARIClient client = builder.build();
        wm.stubFor(get(urlEqualTo(VERSION)).willReturn(ok("\"ping\"")));

        Thread.currentThread().interrupt();
        SariException e = catchThrowableOfType(SariException.class, () -> client.version("ping"));

        assertThat(e.code()).isEqualTo(SariErrorCode.INTERRUPTED);
        assertThat(Thread.interrupted()).isTrue();
        wm.verify(0, getRequestedFor(urlEqualTo(VERSION)));
    }

    @Test
    void anInterruptDuringTheRetryWaitEndsTheCall() {
        SARIClient client = builder.sleeper(d -> {
            throw new InterruptedException();
        }).build();
        wm.stubFor(get(urlEqualTo(VERSION)).willReturn(aResponse().withStatus(503)));

        SariException e = catchThrowableOfType(SariException.class, () -> client.version("ping"));

        assertThat(e.code()).isEqualTo(SariErrorCode.INTERRUPTED);
        assertThat(e.operation()).isEqualTo("getVersion");
        assertThat(Thread.interrupted()).isTrue();
        wm.verify(1, getRequestedFor(urlEqualTo(VERSION)));
    }
}
