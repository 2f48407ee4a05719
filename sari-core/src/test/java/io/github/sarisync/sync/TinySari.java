package io.github.sarisync.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest SARI the engine's flow tests need: a token for any credentials, and per path a
 * JSON answer set by the test (course lists and course details as SARI writes them). Unset paths
 * answer SECTION_NOT_FOUND. The testkit's simulator covers the full API.
 */
final class TinySari implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile boolean refuseTokens;
    private volatile boolean serverErrors;

    TinySari() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code path} (e.g. {@code /courses/VKU}) with an OK envelope around {@code resultJson}. */
    void ok(String path, String resultJson) {
        answers.put(path, "{\"result\":" + resultJson + ",\"status\":\"OK\"}");
    }

    /** Answers {@code path} with an error status. */
    void status(String path, String status) {
        answers.put(path, "{\"result\":[],\"status\":\"" + status + "\"}");
    }

    /** Every token request is refused as SARI refuses a wrong user or password. */
    void refuseTokens() {
        refuseTokens = true;
    }

    /** Every request is answered with HTTP 500. */
    void answerServerErrors() {
        serverErrors = true;
    }

    int calls(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String body;
        int status = 200;
        if (serverErrors) {
            status = 500;
            body = "{\"result\":[],\"status\":\"INTERNAL_SERVER_ERROR\"}";
        } else if (path.equals("/oauth/v2/token") && refuseTokens) {
            status = 400;
            body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username and password\"}";
        } else if (path.equals("/oauth/v2/token")) {
            body = "{\"access_token\":\"token-1\",\"expires_in\":3600,\"token_type\":\"bearer\","
                    + "\"scope\":\"user\",\"refresh_token\":\"refresh-1\"}";
        } else {
            String apiPath = path.replaceFirst("^/api/courseregistration", "");
            body = answers.getOrDefault(apiPath, "{\"result\":[],\"status\":\"SECTION_NOT_FOUND\"}");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
