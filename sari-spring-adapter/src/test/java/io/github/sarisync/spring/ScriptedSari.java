package io.github.sarisync.spring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A SARI stand-in on the JDK HTTP server: a token for any credentials, and for every API call the
 * body {@code answer} gives for the call's number (1, 2, ...).
 */
public final class ScriptedSari implements AutoCloseable {
    static {
        // without TCP_NODELAY every answer waits ~40 ms for a delayed ACK (read once, when the server loads)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String TOKEN = "{\"access_token\":\"tok\",\"expires_in\":3600,\"token_type\":\"bearer\","
            + "\"scope\":\"user\",\"refresh_token\":\"ref\"}";

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final IntFunction<String> answer;

    public ScriptedSari(IntFunction<String> answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            boolean token = exchange.getRequestURI().getPath().startsWith("/oauth/v2/token");
            byte[] body = (token ? TOKEN : answer.apply(calls.incrementAndGet())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
