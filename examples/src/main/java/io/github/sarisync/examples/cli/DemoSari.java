package io.github.sarisync.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sarisync.client.SariCredentials;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A SARI for the demo, in-process on a free loopback port: the token endpoint (password grant,
 * per-school credentials, OAuth error bodies), getVersion, getCourses and getCourseDetail over the
 * deterministic data of {@link DemoSchools}, answering as SARI does (envelope, array of groups,
 * NO_PERMISSION for another school's course, 401 for an unknown token).
 */
final class DemoSari implements AutoCloseable {
    private static final String API = "/api/courseregistration";

    /** A demo driving school: tenant id, display name, and the credentials this SARI accepts for it. */
    record School(String id, String name, SariCredentials credentials) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final DemoSchools data;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> tokens = new ConcurrentHashMap<>();

    private DemoSari(DemoSchools data) throws IOException {
        this.data = data;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-sari");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the demo SARI with {@code schools} schools whose courses lie in the coming weeks. */
    static DemoSari start(int schools, Clock clock) {
        try {
            return new DemoSari(new DemoSchools(schools, clock));
        } catch (IOException e) {
            throw CliException.config("cannot start the built-in simulator on a loopback port: " + e.getMessage(), e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<School> schools() {
        return data.schools();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/oauth/v2/token")) {
                token(exchange);
                return;
            }
            Integer school = school(exchange);
            if (school == null) {
                send(exchange, 401, Map.of("error", "invalid_token"));
                return;
            }
            if (!path.startsWith(API + "/")) {
                send(exchange, 404, envelope(List.of(), "INVALID_PARAMETER"));
                return;
            }
            String[] parts = path.substring(API.length() + 1).split("/");
            String operation = parts[0];
            String argument = parts.length > 1 ? parts[1] : "";
            switch (operation) {
                case "version" -> send(exchange, 200, envelope(argument, "OK"));
                case "courses" -> send(exchange, 200, courses(school, argument));
                case "coursedetail" -> send(exchange, 200, courseDetail(school, argument));
                default -> send(exchange, 200, envelope(List.of(), "INVALID_PARAMETER"));
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String grant = q.getOrDefault("grant_type", "");
        if (grant.equals("refresh_token")) {
            Integer school = tokens.get("refresh:" + q.getOrDefault("refresh_token", ""));
            if (school == null) {
                send(exchange, 400, Map.of("error", "invalid_grant", "error_description", "Invalid refresh token"));
                return;
            }
            issue(exchange, school);
            return;
        }
        Integer byClient = data.schoolOfClient(q.get("client_id"), q.get("client_secret"));
        if (byClient == null) {
            send(exchange, 400, Map.of("error", "invalid_client", "error_description", "The client credentials are invalid"));
            return;
        }
        if (!grant.equals("password") || !data.passwordMatches(byClient, q.get("username"), q.get("password"))) {
            send(exchange, 400, Map.of("error", "invalid_grant",
                    "error_description", "Invalid username and password combination"));
            return;
        }
        issue(exchange, byClient);
    }

    private void issue(HttpExchange exchange, int school) throws IOException {
        String access = UUID.randomUUID().toString();
        String refresh = UUID.randomUUID().toString();
        tokens.put(access, school);
        tokens.put("refresh:" + refresh, school);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("expires_in", 3600);
        body.put("token_type", "bearer");
        body.put("scope", "user");
        body.put("refresh_token", refresh);
        send(exchange, 200, body);
    }

    private Integer school(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        String token = auth.substring("Bearer ".length()).trim();
        return token.startsWith("refresh:") ? null : tokens.get(token);
    }

    private Map<String, Object> courses(int school, String type) {
        List<Map<String, Object>> groups = data.groups(school, type);
        return groups == null ? envelope(List.of(), "SECTION_NOT_FOUND") : envelope(groups, "OK");
    }

    private Map<String, Object> courseDetail(int school, String id) {
        long partId;
        try {
            partId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return envelope(List.of(), "INVALID_PARAMETER");
        }
        Integer owner = data.ownerOf(partId);
        if (owner == null) {
            return envelope(List.of(), "COURSE_NOT_FOUND");
        }
        if (owner != school) {
            return envelope(List.of(), "NO_PERMISSION");
        }
        return envelope(data.members(partId), "OK");
    }

    private static Map<String, Object> envelope(Object result, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("status", status);
        return body;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
