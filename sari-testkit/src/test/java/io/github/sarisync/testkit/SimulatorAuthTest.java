package io.github.sarisync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sarisync.client.SariCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.github.sarisync.testkit.RawSari.json;
import static io.github.sarisync.testkit.RawSari.status;
import static org.assertj.core.api.Assertions.assertThat;

/** OAuth on GET /oauth/v2/token and the bearer check, over raw HTTP. */
class SimulatorAuthTest {
    private SariSimulator sari;
    private SimulatedSchool school;
    private RawSari raw;

    @BeforeEach
    void start() {
        sari = SimFixtures.builder().tokenLifetime(Duration.ofMinutes(30)).start();
        school = SimFixtures.populate(sari);
        raw = new RawSari(sari);
    }

    @AfterEach
    void stop() {
        sari.close();
    }

    @Test
    void passwordGrantAnswersABearerTokenWithTheConfiguredLifetime() {
        HttpResponse<String> answer = raw.passwordGrant(school.credentials());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(body.get("access_token").asText()).isNotBlank();
        assertThat(body.get("refresh_token").asText()).isNotBlank();
        assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("scope").asText()).isEqualTo("user");
        assertThat(status(raw.api("/version/ping", body.get("access_token").asText()))).isEqualTo("OK");
    }

    @Test
    void wrongPasswordIsAnInvalidGrant() {
        SariCredentials c = school.credentials();
        HttpResponse<String> answer = raw.passwordGrant(new SariCredentials(c.clientId(), c.clientSecret(),
                c.username(), "not-the-password"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(answer).get("error_description").asText()).isNotBlank();
    }

    @Test
    void unknownUserIsAnInvalidGrant() {
        SariCredentials c = school.credentials();
        HttpResponse<String> answer = raw.passwordGrant(new SariCredentials(c.clientId(), c.clientSecret(),
                "nobody", c.password()));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongClientSecretIsAnInvalidClient() {
        SariCredentials c = school.credentials();
        HttpResponse<String> answer = raw.passwordGrant(new SariCredentials(c.clientId(), "wrong-secret",
                c.username(), c.password()));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json(answer).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void unsupportedGrantTypeIsRefused() {
        HttpResponse<String> answer = raw.get("/oauth/v2/token?grant_type=client_credentials", null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void refreshTokenGrantsANewTokenOnce() {
        String refresh = json(raw.passwordGrant(school.credentials())).get("refresh_token").asText();

        HttpResponse<String> renewed = raw.refreshGrant(school.credentials(), refresh);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(status(raw.api("/version/x", json(renewed).get("access_token").asText()))).isEqualTo("OK");

        HttpResponse<String> reused = raw.refreshGrant(school.credentials(), refresh);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void tokenExpiresAfterItsLifetimeOnTheSimulatorClock() {
        String token = raw.token(school.credentials());

        sari.clock().advance(Duration.ofMinutes(29));
        assertThat(raw.api("/version/x", token).statusCode()).isEqualTo(200);
        sari.clock().advance(Duration.ofMinutes(1));
        assertThat(raw.api("/version/x", token).statusCode()).isEqualTo(401);
    }

    @Test
    void missingOrUnknownBearerTokenIsUnauthorized() {
        assertThat(raw.api("/version/x", null).statusCode()).isEqualTo(401);
        assertThat(raw.api("/version/x", "made-up").statusCode()).isEqualTo(401);
    }

    @Test
    void expireAllTokensInvalidatesAccessAndRefreshTokens() {
        JsonNode grant = json(raw.passwordGrant(school.credentials()));
        sari.expireAllTokens();

        assertThat(raw.api("/version/x", grant.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(raw.refreshGrant(school.credentials(), grant.get("refresh_token").asText()).statusCode())
                .isEqualTo(400);
        assertThat(raw.passwordGrant(school.credentials()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenActsOnlyForItsOwnSchool() {
        String otherToken = raw.token(sari.school("other").credentials());

        assertThat(status(raw.api("/coursedetail/61", otherToken))).isEqualTo("NO_PERMISSION");
        assertThat(status(raw.api("/coursedetail/81", otherToken))).isEqualTo("OK");
    }
}
