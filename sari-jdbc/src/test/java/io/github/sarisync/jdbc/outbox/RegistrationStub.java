package io.github.sarisync.jdbc.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariCredentials;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough SARI for the outbox's restart test: a token, one student holding category B, and
 * registrations per part; {@link #outage(boolean)} makes every registration call answer
 * INTERNAL_SERVER_ERROR.
 */
final class RegistrationStub implements AutoCloseable {
    private static final Pattern COURSE_ID = Pattern.compile("courseid=(\\d+)");

    private final HttpServer server;
    private final Set<Long> registered = new HashSet<>();
    private boolean outage;

    RegistrationStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    SARIClient client() {
        return SARIClient.builder().baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentials(new SariCredentials("id", "secret", "user", "password"))
                .rateLimit(RateLimit.unlimited()).retry(RetryPolicy.none()).build();
    }

    synchronized void outage(boolean on) {
        outage = on;
    }

    synchronized Set<Long> registered() {
        return Set.copyOf(registered);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        synchronized (this) {
            if (path.startsWith("/oauth/")) {
                body = "{\"access_token\":\"t\",\"expires_in\":3600,\"token_type\":\"bearer\",\"refresh_token\":\"r\"}";
            } else if (path.contains("/customer/")) {
                body = envelope("{\"faberid\":\"1234567\",\"birthdate\":\"2006-05-14\",\"licenses\":"
                        + "[{\"category\":\"B\",\"expirationdate\":\"2030-01-01\"}]}", "OK");
            } else {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = COURSE_ID.matcher(form);
                long courseId = m.find() ? Long.parseLong(m.group(1)) : -1;
                body = envelope("[]", outage ? "INTERNAL_SERVER_ERROR" : register(exchange.getRequestMethod(), courseId));
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String register(String method, long courseId) {
        if (method.equals("PUT")) {
            return registered.add(courseId) ? "OK" : "PERSON_ALREADY_ADDED";
        }
        return registered.remove(courseId) ? "OK" : "COURSEMEMBER_NOT_FOUND";
    }

    private static String envelope(String result, String status) {
        return "{\"result\":" + result + ",\"status\":\"" + status + "\"}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
