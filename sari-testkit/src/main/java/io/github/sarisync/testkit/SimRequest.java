package io.github.sarisync.testkit;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request as the simulator reads it: method, decoded path segments, query and form parameters, bearer token. */
record SimRequest(String method, List<String> segments, Map<String, String> query, Map<String, String> form,
                  String bearer) {
    private static final int MAX_BODY = 64 * 1024;

    /** Reads the request fully (the answer may be written later by another thread). */
    static SimRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        return new SimRequest(exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()),
                params(exchange.getRequestURI().getRawQuery()), params(body), bearer);
    }

    /** The path's segments, percent-decoded one by one ('+' stays a plus); null for a malformed escape. */
    static List<String> segments(String rawPath) {
        List<String> result = new ArrayList<>();
        if (rawPath == null) {
            return result;
        }
        for (String raw : rawPath.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            result.add(decode(raw.replace("+", "%2B")));
        }
        return result;
    }

    static Map<String, String> params(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name != null && value != null) {
                result.putIfAbsent(name, value);
            }
        }
        return result;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
