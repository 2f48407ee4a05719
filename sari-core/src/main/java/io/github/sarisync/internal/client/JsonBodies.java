package io.github.sarisync.internal.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.function.Function;

/**
 * Parses answer bodies; a body that is not (complete) JSON gives null or a problem, never an
 * exception. SARI's envelope is read in one streaming pass ({@link #envelope}) that hands its
 * {@code result} to a {@link ResultReader}, so a large course list never becomes a tree.
 */
public final class JsonBodies {
    private final ObjectMapper mapper;
    private final ObjectReader reader;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads an envelope's {@code result} from the parser. */
    @FunctionalInterface
    public interface ResultReader<T> {
        /**
         * @param result the parser at the first token of the result, or null when the envelope has
         *               none; the reader leaves it at the value's last token
         * @throws IOException     when the JSON is broken (the body is then no envelope)
         * @throws RuntimeException when the result cannot be read ({@link MalformedAnswer} says why)
         */
        T read(JsonParser result) throws IOException;
    }

    /**
     * One answer's envelope.
     *
     * @param problem why the body is no envelope ("an empty body", "not JSON or truncated JSON",
     *                "JSON that is not an object", "JSON without a status"), or null
     * @param status  the {@code status}, when the body is an envelope
     * @param result  what the reader read from {@code result}, null when it failed
     * @param failure why the reader failed, or null; only of interest when the status is OK
     */
    public record Envelope<T>(String problem, String status, T result, RuntimeException failure) {
    }

    /** Whether floating-point numbers are read as BigDecimal, as this mapper's trees hold them. */
    public boolean decimals() {
        return mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** A reader that reads the result as a tree first: for the small results of the other operations. */
    public <T> ResultReader<T> tree(Function<JsonNode, T> read) {
        return p -> read.apply(p == null ? null : mapper.readTree(p));
    }

    /**
     * Reads an envelope in one pass: its status (the last one, as in a tree) and its result (read
     * by {@code read} whatever the status; what it throws is kept for when the status is OK).
     */
    public <T> Envelope<T> envelope(byte[] body, ResultReader<T> read) {
        if (body == null || body.length == 0) {
            return new Envelope<>("an empty body", null, null, null);
        }
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Envelope<>("not JSON or truncated JSON", null, null, null);
            }
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new Envelope<>(p.nextToken() == null ? "JSON that is not an object"
                        : "not JSON or truncated JSON", null, null, null);
            }
            String status = null;
            T result = null;
            RuntimeException failure = null;
            boolean sawResult = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int depth = p.getParsingContext().getNestingDepth();
                p.nextToken();
                if ("status".equals(field)) {
                    status = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                } else if ("result".equals(field)) {
                    sawResult = true;
                    result = null;
                    failure = null;
                    try {
                        result = read.read(p);
                    } catch (RuntimeException e) {
                        failure = e;
                        // the rest of the result is still checked: broken JSON anywhere means no envelope
                        while (p.getParsingContext().getNestingDepth() > depth) {
                            if (p.nextToken() == null) {
                                return new Envelope<>("not JSON or truncated JSON", null, null, null);
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return new Envelope<>("not JSON or truncated JSON", null, null, null);
            }
            if (!sawResult) {
                try {
                    result = read.read(null);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            return status == null ? new Envelope<>("JSON without a status", null, null, null)
                    : new Envelope<>(null, status, result, failure);
        } catch (IOException | RuntimeException e) {
            return new Envelope<>("not JSON or truncated JSON", null, null, null);
        }
    }

    /** The JSON tree, or null for an empty, non-JSON or truncated body. */
    public JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = reader.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A few words on why {@link #parse} gave no envelope, for an exception message. */
    public static String describe(byte[] body, JsonNode root) {
        if (body == null || body.length == 0) {
            return "an empty body";
        }
        if (root == null) {
            return "not JSON or truncated JSON";
        }
        return root.isObject() ? "JSON without a status" : "JSON that is not an object";
    }
}
