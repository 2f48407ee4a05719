package io.github.sarisync.credentials;

/**
 * What a connection test found: {@link Outcome#OK}, or which step failed and why. The message is
 * meant for the person who typed the credentials and never contains a secret.
 *
 * @param outcome    what happened
 * @param failedStep the step that failed, null when {@code outcome} is OK
 * @param errorCode  the client's error code ({@code SariErrorCode} name) or the OAuth error
 *                   ({@code invalid_client}, {@code invalid_grant}), null when OK
 * @param message    a sentence saying what was checked and what failed
 */
public record ConnectionTestResult(Outcome outcome, Step failedStep, String errorCode, String message) {

    /** The steps of a connection test, in order. */
    public enum Step {
        /** Obtaining an access token with client id, secret, username and password. */
        TOKEN,
        /** Calling getVersion with the token. */
        VERSION
    }

    /** What a connection test found. */
    public enum Outcome {
        /** A token was issued and getVersion answered. */
        OK,
        /** No answer: connection refused, unknown host, timeout, I/O error. */
        UNREACHABLE,
        /** The token endpoint refused the client id or client secret ({@code invalid_client}). */
        BAD_CLIENT,
        /** The token endpoint refused the username or password ({@code invalid_grant}). */
        BAD_USER_OR_PASSWORD,
        /** Authenticated, but the API user may not act for a driving school. */
        NO_PERMISSION,
        /** Anything else (server errors, malformed answers, an unexpected echo). */
        OTHER
    }

    public ConnectionTestResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must not be null");
        }
        if (outcome == Outcome.OK && failedStep != null) {
            throw new IllegalArgumentException("an OK result has no failed step");
        }
        if (outcome != Outcome.OK && failedStep == null) {
            throw new IllegalArgumentException("a failed result names its failed step");
        }
    }

    static ConnectionTestResult ok(String message) {
        return new ConnectionTestResult(Outcome.OK, null, null, message);
    }

    /** True when the credentials work. */
    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
