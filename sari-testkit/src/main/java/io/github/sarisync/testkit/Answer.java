package io.github.sarisync.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer ready to be written: status, content type, body, an optional Retry-After, and
 * how long to hold it back (latency) or whether to never send it (a hang).
 */
record Answer(int httpStatus, String contentType, byte[] body, String retryAfter, long delayMillis, boolean hang) {
    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Answer json(int httpStatus, Object body) {
        try {
            return new Answer(httpStatus, JSON, MAPPER.writeValueAsBytes(body), null, 0, false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a simulator answer as JSON", e);
        }
    }

    static Answer envelope(int httpStatus, Envelope envelope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", envelope.result());
        body.put("status", envelope.status());
        return json(httpStatus, body);
    }

    static Answer text(int httpStatus, String contentType, String body) {
        return new Answer(httpStatus, contentType, body.getBytes(StandardCharsets.UTF_8), null, 0, false);
    }

    Answer withRetryAfter(String seconds) {
        return new Answer(httpStatus, contentType, body, seconds, delayMillis, hang);
    }

    Answer delayedBy(long millis) {
        return new Answer(httpStatus, contentType, body, retryAfter, delayMillis + millis, hang);
    }

    Answer hanging() {
        return new Answer(httpStatus, contentType, body, retryAfter, delayMillis, true);
    }
}
