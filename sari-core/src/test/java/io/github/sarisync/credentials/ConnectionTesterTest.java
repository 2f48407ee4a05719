package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.credentials.ConnectionTestResult.Outcome;
import io.github.sarisync.credentials.ConnectionTestResult.Step;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failed step is told apart; the simulator tests in sari-testkit cover the same end to end. */
class ConnectionTesterTest {
    private static final SariCredentials CREDENTIALS =
            new SariCredentials("client-1", "Top/Secret+1", "school.user", "pa ss&word");

    private static ConnectionTestResult classify(SariErrorCode code, String status, int http, Step step, String message) {
        return ConnectionTester.classify(new SariException(code, status, "token", http, message), step,
                "https://sari.example:8443", CREDENTIALS);
    }

    @Test
    void connectionFaultsAndTimeoutsAreUnreachable() {
        assertThat(classify(SariErrorCode.IO_ERROR, null, 0, Step.TOKEN, "connection refused").outcome())
                .isEqualTo(Outcome.UNREACHABLE);
        assertThat(classify(SariErrorCode.TIMEOUT, null, 0, Step.VERSION, "timed out").outcome())
                .isEqualTo(Outcome.UNREACHABLE);
    }

    @Test
    void invalidClientIsABadClient() {
        ConnectionTestResult r = classify(SariErrorCode.AUTHENTICATION_FAILED, "invalid_client", 401, Step.TOKEN, "x");

        assertThat(r.outcome()).isEqualTo(Outcome.BAD_CLIENT);
        assertThat(r.failedStep()).isEqualTo(Step.TOKEN);
        assertThat(r.errorCode()).isEqualTo("invalid_client");
        assertThat(r.message()).contains("client id or client secret").contains("https://sari.example:8443");
    }

    @Test
    void invalidGrantIsABadUserOrPassword() {
        ConnectionTestResult r = classify(SariErrorCode.AUTHENTICATION_FAILED, "invalid_grant", 400, Step.TOKEN, "x");

        assertThat(r.outcome()).isEqualTo(Outcome.BAD_USER_OR_PASSWORD);
        assertThat(r.message()).contains("username or password");
    }

    @Test
    void theOAuthErrorIsAlsoFoundInTheMessageWhenTheStatusDoesNotCarryIt() {
        ConnectionTestResult r = classify(SariErrorCode.AUTHENTICATION_FAILED, null, 400, Step.TOKEN,
                "token request refused: invalid_grant");

        assertThat(r.outcome()).isEqualTo(Outcome.BAD_USER_OR_PASSWORD);
    }

    @Test
    void noPermissionAndNoDrivingSchoolOnVersionAreNoPermission() {
        assertThat(classify(SariErrorCode.NO_PERMISSION, "NO_PERMISSION", 200, Step.VERSION, "x").outcome())
                .isEqualTo(Outcome.NO_PERMISSION);
        ConnectionTestResult r = classify(SariErrorCode.DRIVINGSCHOOL_NOT_FOUND, "DRIVINGSCHOOL_NOT_FOUND", 200,
                Step.VERSION, "x");
        assertThat(r.outcome()).isEqualTo(Outcome.NO_PERMISSION);
        assertThat(r.failedStep()).isEqualTo(Step.VERSION);
        assertThat(r.errorCode()).isEqualTo("DRIVINGSCHOOL_NOT_FOUND");
    }

    @Test
    void anyOtherFaultIsOtherAndNamesCodeStepAndHttpStatus() {
        ConnectionTestResult r = classify(SariErrorCode.SERVER_ERROR, null, 503, Step.VERSION, "getVersion: HTTP 503");

        assertThat(r.outcome()).isEqualTo(Outcome.OTHER);
        assertThat(r.message()).contains("step VERSION").contains("SERVER_ERROR").contains("HTTP 503");
    }

    @Test
    void aSecretInTheClientsMessageIsNotEchoedRawOrUrlEncoded() {
        ConnectionTestResult r = classify(SariErrorCode.HTTP_ERROR, "Top/Secret+1", 418, Step.TOKEN,
                "GET /oauth/v2/token?client_secret=Top%2FSecret%2B1&password=pa+ss%26word failed; pa ss&word");

        assertThat(r.message()).doesNotContain("Top/Secret+1").doesNotContain("Top%2FSecret%2B1")
                .doesNotContain("pa ss&word").doesNotContain("pa+ss%26word");
    }

    @Test
    void theAddressIsShownWithoutPathQueryOrUserInfo() {
        assertThat(ConnectionTester.describe(URI.create("https://user:pw@sari.example/base?x=1")))
                .isEqualTo("https://sari.example");
        assertThat(ConnectionTester.describe(URI.create("http://127.0.0.1:8080/"))).isEqualTo("http://127.0.0.1:8080");
    }
}
