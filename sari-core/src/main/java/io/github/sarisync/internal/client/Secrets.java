package io.github.sarisync.internal.client;

import io.github.sarisync.client.SariCredentials;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of text that may reach a log or an exception: removes the client secret and
 * the password (plain and URL-encoded) and every URL query string, which is where SARI's token
 * request carries them (and the refresh token).
 */
public final class Secrets {
    private static final Pattern QUERY = Pattern.compile("\\?\\S*");

    private final Set<String> values = new LinkedHashSet<>();

    public Secrets(SariCredentials credentials) {
        add(credentials.clientSecret());
        add(credentials.password());
    }

    private void add(String secret) {
        values.add(secret);
        values.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    /** {@code text} with secrets and query strings replaced; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = QUERY.matcher(text).replaceAll("?****");
        for (String v : values) {
            out = out.replace(v, "****");
        }
        return out;
    }

    /**
     * A stand-in for an I/O exception that may be attached as a cause: same stack trace, the
     * original type named, the message scrubbed, the original's own causes dropped (their
     * messages are not checked).
     */
    public Exception scrubbed(Exception e) {
        String message = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage()));
        Exception copy = new IOException(message);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
