package io.github.sarisync.credentials;

import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import io.github.sarisync.credentials.ConnectionTestResult.Outcome;
import io.github.sarisync.credentials.ConnectionTestResult.Step;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Runs the two steps of a connection test and says which failed, without echoing a secret. */
final class ConnectionTester {
    static final String PING = "ping";

    private ConnectionTester() {
    }

    static ConnectionTestResult run(SARIClient client, SariCredentials credentials) {
        String where = describe(client.baseUri());
        Step step = Step.TOKEN;
        try {
            client.authenticate();
            step = Step.VERSION;
            String echo = client.version(PING);
            if (!PING.equals(echo)) {
                return new ConnectionTestResult(Outcome.OTHER, Step.VERSION, "UNEXPECTED_ECHO",
                        "SARI at " + where + " issued a token but getVersion did not echo '" + PING + "'");
            }
            return ConnectionTestResult.ok("SARI at " + where + " accepted the credentials and answered getVersion");
        } catch (SariException e) {
            return classify(e, step, where, credentials);
        } catch (RuntimeException e) {
            return new ConnectionTestResult(Outcome.OTHER, step, e.getClass().getSimpleName(),
                    "testing SARI at " + where + " failed at step " + step + ": " + e.getClass().getSimpleName());
        }
    }

    static ConnectionTestResult classify(SariException e, Step step, String where, SariCredentials credentials) {
        SariErrorCode code = e.code();
        if (code == SariErrorCode.IO_ERROR || code == SariErrorCode.TIMEOUT) {
            return new ConnectionTestResult(Outcome.UNREACHABLE, step, code.name(),
                    "SARI at " + where + " could not be reached (" + code.name() + ")");
        }
        if (step == Step.TOKEN && code == SariErrorCode.AUTHENTICATION_FAILED) {
            String oauthError = oauthError(e);
            if ("invalid_client".equals(oauthError) || "unauthorized_client".equals(oauthError)) {
                return new ConnectionTestResult(Outcome.BAD_CLIENT, step, oauthError,
                        "SARI at " + where + " refused the client id or client secret (" + oauthError + ")");
            }
            if ("invalid_grant".equals(oauthError)) {
                return new ConnectionTestResult(Outcome.BAD_USER_OR_PASSWORD, step, oauthError,
                        "SARI at " + where + " refused the username or password (" + oauthError + ")");
            }
        }
        if (step == Step.VERSION && (code == SariErrorCode.NO_PERMISSION
                || code == SariErrorCode.DRIVINGSCHOOL_NOT_FOUND)) {
            return new ConnectionTestResult(Outcome.NO_PERMISSION, step, code.name(),
                    "SARI at " + where + " issued a token, but the API user may not act for a driving school ("
                            + code.name() + ")");
        }
        String status = e.status() == null || e.status().equals(code.name()) ? "" : " " + scrub(e.status(), credentials);
        String http = e.httpStatus() > 0 ? ", HTTP " + e.httpStatus() : "";
        return new ConnectionTestResult(Outcome.OTHER, step, code.name(), "testing SARI at " + where + " failed at step "
                + step + ": " + code.name() + status + http + " - " + scrub(e.getMessage(), credentials));
    }

    /**
     * The OAuth {@code error} of a refused token request: the client keeps it as the exception's
     * status; older messages only name it in the text.
     */
    static String oauthError(SariException e) {
        String status = e.status() == null ? "" : e.status().toLowerCase(Locale.ROOT);
        for (String known : new String[]{"invalid_client", "unauthorized_client", "invalid_grant"}) {
            if (status.equals(known)) {
                return known;
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (String known : new String[]{"invalid_client", "unauthorized_client", "invalid_grant"}) {
            if (message.contains(known)) {
                return known;
            }
        }
        return null;
    }

    /** Removes the secret and the password (raw and URL-encoded) from a text, as a last line of defence. */
    static String scrub(String text, SariCredentials credentials) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : new String[]{credentials.clientSecret(), credentials.password()}) {
            result = result.replace(secret, "****");
            result = result.replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "****");
        }
        return result;
    }

    static String describe(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return String.valueOf(uri);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
