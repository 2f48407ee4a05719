package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.client.SariErrorCode;
import io.github.sarisync.client.SariException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The access token of one client. A token is reused until 60 s before it expires (by the injected
 * clock; a lifetime of more than a day counts as one day). Renewal tries the refresh-token grant first and falls back to the password grant. Only
 * one token request runs at a time per client: other threads that need a token wait for it and
 * then use the same token (single flight). Token request URIs carry secrets and are never logged.
 */
public final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    private static final String OPERATION = "token";
    private static final Duration RENEW_EARLY = Duration.ofSeconds(60);
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;
    /** A longer {@code expires_in} is not believed (and would overflow an Instant when absurd). */
    private static final long MAX_LIFETIME_SECONDS = 24 * 3600;
    private static final Pattern OAUTH_ERROR = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    /** A token must fit in an HTTP header (and in a URL query once URL-encoded). */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,4096}");

    private record Token(String access, String refresh, Instant expiresAt) {
    }

    private final URI tokenUri;
    private final SariCredentials credentials;
    private final HttpExchange exchange;
    private final RetryLoop retry;
    private final JsonBodies json;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token current;

    public TokenManager(URI baseUri, SariCredentials credentials, HttpExchange exchange, RetryLoop retry,
                        JsonBodies json, Clock clock) {
        this.tokenUri = URI.create(baseUri + "/oauth/v2/token");
        this.credentials = credentials;
        this.exchange = exchange;
        this.retry = retry;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A valid access token: the current one, or a new one requested now.
     *
     * @throws SariException AUTHENTICATION_FAILED when SARI refuses the credentials, a transport
     *                       code when the token endpoint cannot be reached, INTERRUPTED
     */
    public String accessToken() {
        Token t = current;
        if (usable(t)) {
            return t.access();
        }
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SariException(SariErrorCode.INTERRUPTED, null, OPERATION, 0,
                    "token: interrupted while waiting for the token request of another thread");
        }
        try {
            t = current;
            if (usable(t)) {
                return t.access();
            }
            Token renewed = renew(t);
            current = renewed;
            return renewed.access();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets {@code rejected} after SARI answered 401 to it, so that the next {@link #accessToken()}
     * renews. Does nothing when another thread already replaced it.
     */
    public void invalidate(String rejected) {
        lock.lock();
        try {
            Token t = current;
            if (t != null && rejected.equals(t.access())) {
                current = new Token(null, t.refresh(), Instant.MIN);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean usable(Token t) {
        return t != null && t.access() != null && clock.instant().isBefore(t.expiresAt().minus(RENEW_EARLY));
    }

    private Token renew(Token old) {
        if (old != null && old.refresh() != null) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("grant_type", "refresh_token");
            query.put("refresh_token", old.refresh());
            query.put("client_id", credentials.clientId());
            query.put("client_secret", credentials.clientSecret());
            try {
                return request("refresh_token", query);
            } catch (SariException e) {
                if (e.code() == SariErrorCode.INTERRUPTED) {
                    throw e;
                }
                LOG.debug("token: the refresh_token grant failed ({}); falling back to the password grant", e.status());
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", credentials.clientId());
        query.put("client_secret", credentials.clientSecret());
        query.put("grant_type", "password");
        query.put("username", credentials.username());
        query.put("password", credentials.password());
        return request("password", query);
    }

    private Token request(String grant, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(tokenUri + "?" + encoded);
        String subject = grant + " grant";
        return retry.run(OPERATION, attempt -> {
            Instant sentAt = clock.instant();
            HttpExchange.Answer answer = exchange.send(OPERATION, subject,
                    HttpRequest.newBuilder(uri).header("Accept", "application/json").GET());
            return read(grant, answer, sentAt);
        });
    }

    private Token read(String grant, HttpExchange.Answer answer, Instant sentAt) throws TransientFault {
        int http = answer.httpStatus();
        String subject = grant + " grant";
        boolean success = http >= 200 && http < 300;
        if (answer.body().oversized() && success) {
            throw fail(subject, answer, SariErrorCode.MALFORMED_RESPONSE,
                    "token: the answer to the " + subject + " (HTTP " + http + ") is larger than "
                            + exchange.maxResponseBytes() + " bytes");
        }
        JsonNode root = answer.body().oversized() ? null : json.parse(answer.body().bytes());
        if (success) {
            JsonNode access = root == null ? null : root.get("access_token");
            if (access == null || !access.isTextual() || !TOKEN.matcher(access.textValue()).matches()) {
                throw fail(subject, answer, SariErrorCode.MALFORMED_RESPONSE,
                        "token: the answer to the " + subject + " (HTTP " + http + ") holds no usable access token");
            }
            exchange.report(OPERATION, subject, "OK", http, answer.nanos());
            return new Token(access.textValue(), refreshToken(root), sentAt.plusSeconds(lifetime(root)));
        }
        if (http >= 500 || http == 429) {
            SariErrorCode code = http == 429 ? SariErrorCode.RATE_LIMITED : SariErrorCode.SERVER_ERROR;
            SariException e = fail(subject, answer, code,
                    "token: the " + subject + " failed with HTTP " + http);
            throw new TransientFault(e, answer.headers().firstValue("Retry-After")
                    .flatMap(v -> RetryAfter.parse(v, clock)).orElse(null));
        }
        String error = oauthError(root);
        if (error != null || http == 400 || http == 401 || http == 403) {
            throw fail(subject, answer, SariErrorCode.AUTHENTICATION_FAILED, "token: SARI refused the " + subject
                    + ": " + (error != null ? error : "no OAuth error code") + " (HTTP " + http + ")");
        }
        throw fail(subject, answer, SariErrorCode.HTTP_ERROR,
                "token: the " + subject + " failed with HTTP " + http);
    }

    private SariException fail(String subject, HttpExchange.Answer answer, SariErrorCode code, String message) {
        exchange.report(OPERATION, subject, code.name(), answer.httpStatus(), answer.nanos());
        return new SariException(code, null, OPERATION, answer.httpStatus(), message);
    }

    private static long lifetime(JsonNode root) {
        try {
            Long seconds = JsonValues.whole(root, "expires_in");
            return seconds == null || seconds <= 0 ? DEFAULT_LIFETIME_SECONDS : Math.min(seconds, MAX_LIFETIME_SECONDS);
        } catch (MalformedAnswer e) {
            return DEFAULT_LIFETIME_SECONDS;
        }
    }

    private static String refreshToken(JsonNode root) {
        JsonNode r = root.get("refresh_token");
        return r != null && r.isTextual() && TOKEN.matcher(r.textValue()).matches() ? r.textValue() : null;
    }

    private static String oauthError(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("error").isTextual()) {
            return null;
        }
        String error = root.get("error").textValue();
        return OAUTH_ERROR.matcher(error).matches() ? error : "an unreadable OAuth error";
    }
}
