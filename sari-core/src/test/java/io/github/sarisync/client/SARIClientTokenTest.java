package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.sarisync.client.SariStubs.API;
import static io.github.sarisync.client.SariStubs.CLIENT_SECRET;
import static io.github.sarisync.client.SariStubs.PASSWORD;
import static io.github.sarisync.client.SariStubs.START;
import static io.github.sarisync.client.SariStubs.TOKEN_PATH;
import static io.github.sarisync.client.SariStubs.ok;
import static io.github.sarisync.client.SariStubs.tokenJson;
import static io.github.sarisync.client.SariStubs.tokenRequest;
import static io.github.sarisync.client.SariStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SARIClientTokenTest {
    private static final String VERSION = API + "/version/ping";

    @RegisterExtension
    static WireMockExtension wm = SariStubs.wireMock();

    private TestClock clock;
    private SARIClient client;

    @BeforeEach
    void setUp() {
        clock = new TestClock(START);
        client = SariStubs.client(wm, clock, new RecordingSleeper(clock)).build();
        wm.stubFor(get(urlEqualTo(VERSION)).willReturn(ok("\"ping\"")));
    }

    @Test
    void oneTokenServesManyCalls() {
        SariStubs.stubToken(wm);

        for (int i = 0; i < 5; i++) {
            client.version("ping");
        }

        assertThat(tokenRequests(wm)).isEqualTo(1);
        wm.verify(5, getRequestedFor(urlEqualTo(VERSION)));
    }

    @Test
    void theTokenIsRenewedWithTheRefreshGrantSixtySecondsBeforeItExpires() {
        SariStubs.stubPasswordGrant(wm, "first-access", "first-refresh", 3600);
        wm.stubFor(tokenRequest("refresh_token").withQueryParam("refresh_token", equalTo("first-refresh"))
                .withQueryParam("client_id", equalTo(SariStubs.CLIENT_ID))
                .withQueryParam("client_secret", equalTo(CLIENT_SECRET))
                .willReturn(okJson(tokenJson("second-access", "second-refresh", 3600))));

        client.version("ping");
        clock.advance(Duration.ofSeconds(3539));
        client.version("ping");
        assertThat(tokenRequests(wm)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        client.version("ping");

        assertThat(tokenRequests(wm)).isEqualTo(2);
        wm.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)).withQueryParam("grant_type", equalTo("refresh_token")));
        wm.verify(1, getRequestedFor(urlEqualTo(VERSION)).withHeader("Authorization", equalTo("Bearer second-access")));
    }

    @Test
    void aFailedRefreshFallsBackToThePasswordGrant() {
        SariStubs.sequence(wm, () -> tokenRequest("password"),
                okJson(tokenJson("first-access", "first-refresh", 3600)),
                okJson(tokenJson("third-access", "third-refresh", 3600)));
        wm.stubFor(tokenRequest("refresh_token").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}")));

        client.version("ping");
        clock.advance(Duration.ofHours(1));
        client.version("ping");

        wm.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_PATH)).withQueryParam("grant_type", equalTo("password")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)).withQueryParam("grant_type", equalTo("refresh_token")));
        wm.verify(1, getRequestedFor(urlEqualTo(VERSION)).withHeader("Authorization", equalTo("Bearer third-access")));
    }

    @Test
    void a401RenewsTheTokenOnceAndRepeatsTheCallOnce() {
        SariStubs.stubPasswordGrant(wm, "stale-access", "some-refresh", 3600);
        wm.stubFor(tokenRequest("refresh_token").willReturn(okJson(tokenJson("fresh-access", "r2", 3600))));
        wm.stubFor(get(urlEqualTo(VERSION)).withHeader("Authorization", equalTo("Bearer stale-access"))
                .willReturn(aResponse().withStatus(401)));
        wm.stubFor(get(urlEqualTo(VERSION)).withHeader("Authorization", equalTo("Bearer fresh-access"))
                .willReturn(ok("\"ping\"")));

        assertThat(client.version("ping")).isEqualTo("ping");

        assertThat(tokenRequests(wm)).isEqualTo(2);
        wm.verify(2, getRequestedFor(urlEqualTo(VERSION)));
    }

    @Test
    void aSecond401AfterRenewalFailsAsUnauthorized() {
        SariStubs.stubToken(wm);
        wm.stubFor(tokenRequest("refresh_token").willReturn(okJson(tokenJson("fresh-access", "r2", 3600))));
        wm.stubFor(get(urlEqualTo(VERSION)).willReturn(aResponse().withStatus(401)));

        SariException e = catchThrowableOfType(SariException.class, () -> client.version("ping"));

        assertThat(e.code()).isEqualTo(SariErrorCode.UNAUTHORIZED);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.operation()).isEqualTo("getVersion");
        wm.verify(2, getRequestedFor(urlEqualTo(VERSION)));
        assertThat(tokenRequests(wm)).isEqualTo(2);
    }

    @Test
    void refusedCredentialsFailAsAuthenticationFailedNamingGrantAndOAuthErrorButNoSecret() {
        wm.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username and password combination\"}")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.authenticate());

        assertThat(e.code()).isEqualTo(SariErrorCode.AUTHENTICATION_FAILED);
        assertThat(e.operation()).isEqualTo("token");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("password grant", "invalid_grant")
                .doesNotContain(CLIENT_SECRET, PASSWORD, SariStubs.USERNAME);
        assertThat(tokenRequests(wm)).isEqualTo(1);
    }

    @Test
    void refusedCredentialsFailTheApiCallWithoutCallingIt() {
        wm.stubFor(tokenRequest("password").willReturn(aResponse().withStatus(401)));

        SariException e = catchThrowableOfType(SariException.class, () -> client.version("ping"));

        assertThat(e.code()).isEqualTo(SariErrorCode.AUTHENTICATION_FAILED);
        wm.verify(0, getRequestedFor(urlEqualTo(VERSION)));
    }

    @Test
    void aTokenAnswerWithoutAccessTokenIsMalformed() {
        wm.stubFor(tokenRequest("password").willReturn(okJson("{\"token_type\":\"bearer\"}")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.authenticate());

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("token", "HTTP 200");
    }

    @Test
    void aTokenThatCannotBeSentInAHeaderIsMalformed() {
        wm.stubFor(tokenRequest("password").willReturn(okJson("{\"access_token\":\"abc\\r\\nX-Evil: 1\"}")));

        SariException e = catchThrowableOfType(SariException.class, () -> client.version("ping"));

        assertThat(e.code()).isEqualTo(SariErrorCode.MALFORMED_RESPONSE);
        wm.verify(0, getRequestedFor(urlEqualTo(VERSION)));
    }

    @Test
    void aTokenEndpointServerFaultIsRetried() {
        SariStubs.sequence(wm, () -> tokenRequest("password"), aResponse().withStatus(503),
                okJson(tokenJson("access", "refresh", 3600)));

        client.authenticate();

        assertThat(tokenRequests(wm)).isEqualTo(2);
    }

    @Test
    void twentyThreadsCallingAtOnceCauseOneTokenRequest() throws Exception {
        wm.stubFor(tokenRequest("password").willReturn(okJson(tokenJson("shared-access", "r", 3600))
                .withFixedDelay(300)));
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<String> call = () -> {
                    start.await();
                    return client.version("ping");
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("ping");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(tokenRequests(wm)).isEqualTo(1);
        wm.verify(threads, getRequestedFor(urlEqualTo(VERSION)).withHeader("Authorization",
                equalTo("Bearer shared-access")));
    }
}
