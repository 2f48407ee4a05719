package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Calls one SARI operation: bearer token, the 401 rule (renew the token once, repeat the call
 * once), the envelope ({@code status} read whatever the HTTP code), retries of transient faults,
 * and the reading of the result. Nothing but {@link SariException} leaves it.
 */
public final class SariApi {
    private static final Logger LOG = LoggerFactory.getLogger(SariApi.class);
    private static final String PREFIX = "/api/courseregistration";
    private static final int MAX_STATUS_LENGTH = 80;

    private final URI baseUri;
    private final HttpExchange exchange;
    private final RetryLoop retry;
    private final TokenManager tokens;
    private final JsonBodies json;
    private final Clock clock;

    public SariApi(URI baseUri, HttpExchange exchange, RetryLoop retry, TokenManager tokens, JsonBodies json,
                   Clock clock) {
        this.baseUri = baseUri;
        this.exchange = exchange;
        this.retry = retry;
        this.tokens = tokens;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One call.
     *
     * @param operation      SARI's name for it, e.g. {@code getCourses}
     * @param method         GET, PUT or DELETE
     * @param path           below {@code /api/courseregistration}, segments already encoded
     * @param form           the form body of a PUT or DELETE, else null
     * @param subject        what the call is about, safe to log
     * @param repeatMeansDone the status that, answered to a repeated attempt, means the first
     *                       attempt went through (PERSON_ALREADY_ADDED for a PUT), or null
     */
    public record Call(String operation, String method, String path, String form, String subject,
                       String repeatMeansDone) {
    }

    /** Reads the {@code result} of an OK envelope. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(JsonNode result);
    }

    /** Encodes one path segment (spaces as %20, slashes as %2F). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Encodes a form body. */
    public static String form(String... namesAndValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /**
     * Runs the call, reading the result as a tree; the reader's value on success, null when a
     * repeated attempt was answered with {@link Call#repeatMeansDone()}.
     */
    public <T> T execute(Call call, ResultReader<T> reader) {
        return executeStreaming(call, json.tree(reader::read));
    }

    /**
     * Runs the call, reading the result from the parser (no tree of the answer); the reader's value
     * on success, null when a repeated attempt was answered with {@link Call#repeatMeansDone()}.
     */
    public <T> T executeStreaming(Call call, JsonBodies.ResultReader<T> reader) {
        return retry.run(call.operation(), attempt -> {
            String token = tokens.accessToken();
            HttpExchange.Answer answer = exchange.send(call.operation(), call.subject(), request(call, token));
            if (answer.httpStatus() == 401) {
                exchange.report(call.operation(), call.subject(), SariErrorCode.UNAUTHORIZED.name(), 401,
                        answer.nanos());
                tokens.invalidate(token);
                token = tokens.accessToken();
                answer = exchange.send(call.operation(), call.subject(), request(call, token));
                if (answer.httpStatus() == 401) {
                    exchange.report(call.operation(), call.subject(), SariErrorCode.UNAUTHORIZED.name(), 401,
                            answer.nanos());
                    tokens.invalidate(token);
                    throw new SariException(SariErrorCode.UNAUTHORIZED, null, call.operation(), 401,
                            call.operation() + " failed: SARI answered HTTP 401 again after the token was renewed");
                }
            }
            return read(call, answer, attempt, reader);
        });
    }

    private HttpRequest.Builder request(Call call, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUri + PREFIX + call.path()))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (call.form() == null) {
            return b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", "application/x-www-form-urlencoded")
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.form(), StandardCharsets.UTF_8));
    }

    private <T> T read(Call call, HttpExchange.Answer answer, int attempt, JsonBodies.ResultReader<T> reader)
            throws TransientFault {
        String op = call.operation();
        int http = answer.httpStatus();
        if (answer.body().oversized()) {
            String what = "a body larger than " + exchange.maxResponseBytes() + " bytes";
            if (http >= 200 && http < 300) {
                throw failed(call, answer, SariErrorCode.MALFORMED_RESPONSE,
                        op + " failed: the answer (HTTP " + http + ") is " + what);
            }
            throw withoutEnvelope(call, answer, what);
        }
        JsonBodies.Envelope<T> envelope = json.envelope(answer.body().bytes(), reader);
        if (envelope.problem() != null) {
            throw withoutEnvelope(call, answer, envelope.problem());
        }
        String status = envelope.status();
        exchange.report(op, call.subject(), status, http, answer.nanos());
        if ("OK".equals(status)) {
            RuntimeException failure = envelope.failure();
            if (failure instanceof MalformedAnswer e) {
                throw new SariException(SariErrorCode.MALFORMED_RESPONSE, null, op, http,
                        op + " failed: the result (HTTP " + http + ") could not be read: " + e.reason());
            }
            if (failure != null) {
                throw new SariException(SariErrorCode.MALFORMED_RESPONSE, null, op, http,
                        op + " failed: the result (HTTP " + http + ") could not be read ("
                                + failure.getClass().getSimpleName() + ")");
            }
            return envelope.result();
        }
        if (attempt > 1 && status.equals(call.repeatMeansDone())) {
            LOG.debug("{} ({}): repeated attempt answered {}; the earlier attempt went through", op,
                    call.subject(), status);
            return null;
        }
        SariErrorCode code = SariErrorCode.fromStatus(status);
        SariException e = new SariException(code, status, op, http,
                op + " failed: SARI answered " + printable(status) + " (HTTP " + http + ")");
        boolean transientFault = code.isTransient()
                || code == SariErrorCode.UNKNOWN && (http >= 500 || http == 429);
        if (transientFault) {
            throw new TransientFault(e, retryAfter(answer));
        }
        throw e;
    }

    private SariException withoutEnvelope(Call call, HttpExchange.Answer answer, String what) throws TransientFault {
        int http = answer.httpStatus();
        String op = call.operation();
        if (http >= 500 || http == 429) {
            SariErrorCode code = http == 429 ? SariErrorCode.RATE_LIMITED : SariErrorCode.SERVER_ERROR;
            throw new TransientFault(failed(call, answer, code,
                    op + " failed: HTTP " + http + " without a SARI status (" + what + ")"), retryAfter(answer));
        }
        if (http < 200 || http >= 300) {
            return failed(call, answer, SariErrorCode.HTTP_ERROR,
                    op + " failed: HTTP " + http + " without a SARI status (" + what + ")");
        }
        return failed(call, answer, SariErrorCode.MALFORMED_RESPONSE,
                op + " failed: the answer (HTTP " + http + ") is not a SARI envelope (" + what + ")");
    }

    private SariException failed(Call call, HttpExchange.Answer answer, SariErrorCode code, String message) {
        exchange.report(call.operation(), call.subject(), code.name(), answer.httpStatus(), answer.nanos());
        return new SariException(code, null, call.operation(), answer.httpStatus(), message);
    }

    private Duration retryAfter(HttpExchange.Answer answer) {
        return answer.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock)).orElse(null);
    }

    private static String printable(String status) {
        String s = status.length() > MAX_STATUS_LENGTH ? status.substring(0, MAX_STATUS_LENGTH) + "..." : status;
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
