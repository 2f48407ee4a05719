package io.github.sarisync.internal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;

/** Parses answer bodies into JSON trees; a body that is not (complete) JSON gives null, never an exception. */
public final class JsonBodies {
    private final ObjectReader reader;

    public JsonBodies(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
