package io.github.sarisync.client;

import io.github.sarisync.TestClock;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Test fixtures shared by the client tests: credentials, WireMock stubs for SARI, a client factory. */
final class SariStubs {
    static final String CLIENT_ID = "client-4711";
    static final String CLIENT_SECRET = "s3cr3t-Client-Secret!";
    static final String USERNAME = "school-api-user";
    static final String PASSWORD = "pa ss&word=XYZ";
    static final String ACCESS_TOKEN = "access-token-AAA111";
    static final String REFRESH_TOKEN = "refresh-token-RRR999";
    static final SariCredentials CREDENTIALS = new SariCredentials(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD);
    static final String TOKEN_PATH = "/oauth/v2/token";
    static final String API = "/api/courseregistration";
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private SariStubs() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /** A client against WireMock with a fake clock and sleeper, no rate limit and no jitter. */
    static SARIClient.Builder client(WireMockExtension wm, TestClock clock, RecordingSleeper sleeper) {
        return SARIClient.builder()
                .baseUri(URI.create(wm.baseUrl()))
                .credentials(CREDENTIALS)
                .clock(clock)
                .sleeper(sleeper)
                .rateLimit(RateLimit.unlimited())
                .retry(RetryPolicy.builder().jitter(0).build());
    }

    static String tokenJson(String access, String refresh, long expiresIn) {
        return "{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn
                + ",\"token_type\":\"bearer\",\"scope\":\"user\",\"refresh_token\":\"" + refresh + "\"}";
    }

    static void stubPasswordGrant(WireMockExtension wm, String access, String refresh, long expiresIn) {
        wm.stubFor(tokenRequest("password").willReturn(okJson(tokenJson(access, refresh, expiresIn))));
    }

    static void stubToken(WireMockExtension wm) {
        stubPasswordGrant(wm, ACCESS_TOKEN, REFRESH_TOKEN, 3600);
    }

    static MappingBuilder tokenRequest(String grant) {
        return get(urlPathEqualTo(TOKEN_PATH))
                .withQueryParam("grant_type", equalTo(grant));
    }

    static int tokenRequests(WireMockExtension wm) {
        return wm.findAll(getRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
    }

    /**
     * Answers the requests matched by {@code request} with {@code responses} in turn; the last one
     * stays.
     */
    static void sequence(WireMockExtension wm, Supplier<MappingBuilder> request,
                         ResponseDefinitionBuilder... responses) {
        String scenario = "sequence-" + UUID.randomUUID();
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step-" + i;
            ScenarioMappingBuilder b = request.get().inScenario(scenario).whenScenarioStateIs(state);
            if (i + 1 < responses.length) {
                b = b.willSetStateTo("step-" + (i + 1));
            }
            wm.stubFor(b.willReturn(responses[i]));
        }
    }

    static String envelope(String resultJson, String status) {
        return "{\"result\":" + resultJson + ",\"status\":\"" + status + "\"}";
    }

    static ResponseDefinitionBuilder ok(String resultJson) {
        return okJson(envelope(resultJson, "OK"));
    }

    static ResponseDefinitionBuilder status(int http, String sariStatus) {
        return aResponse().withStatus(http).withHeader("Content-Type", "application/json")
                .withBody(envelope("[]", sariStatus));
    }
}
